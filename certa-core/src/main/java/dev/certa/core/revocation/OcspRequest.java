package dev.certa.core.revocation;

import java.util.List;
import java.util.Optional;

/**
 * A decoded OCSP request (RFC 6960 4.1): the certificates whose status is asked for, and the
 * client's nonce if it sent one. Made by {@link OcspRequests}; a request's optional signature is not
 * kept, as certa's responder answers anyone.
 */
public record OcspRequest(List<CertId> certIds, Optional<OcspNonce> nonce) {

    public OcspRequest {
        certIds = List.copyOf(certIds);
    }
}
