package dev.certa.core.issue;

import java.util.List;
import java.util.Optional;

/**
 * URLs a CA writes into what it issues so clients can find more: where to download the issuer's
 * certificate (AIA caIssuers), where to ask about revocation (AIA OCSP, CRL distribution point).
 */
public record CaUrls(List<String> caIssuers, Optional<String> ocsp, List<String> crl) {
    public static final CaUrls NONE = new CaUrls(List.of(), Optional.empty(), List.of());

    public CaUrls {
        caIssuers = List.copyOf(caIssuers);
        crl = List.copyOf(crl);
    }

    public boolean isEmpty() {
        return caIssuers.isEmpty() && ocsp.isEmpty() && crl.isEmpty();
    }
}
