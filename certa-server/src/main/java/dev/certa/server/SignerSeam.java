package dev.certa.server;

import dev.certa.server.ra.CertificateSigning;
import dev.certa.server.signing.OneTimeToken;
import dev.certa.server.signing.SigningService;
import dev.certa.server.signing.TokenAlreadyUsedException;
import java.util.Optional;

/** Where the RA meets the signing service: only the start-up wiring sees both. */
final class SignerSeam {
    private SignerSeam() {}

    /** The RA's {@link CertificateSigning} seam, served by {@code signing}. */
    static CertificateSigning of(SigningService signing) {
        return (request, requester, action, token) -> {
            try {
                return Optional.of(signing.issue(request, requester, action,
                        token.map(t -> new OneTimeToken(t.provisioner().name(), t.tokenId(), t.expiresAt()))));
            } catch (TokenAlreadyUsedException e) {
                return Optional.empty();
            }
        };
    }
}
