package dev.certa.core.inspect;

import dev.certa.core.key.KeyDescription;
import java.util.List;
import java.util.Optional;

/**
 * A certificate signing request (PKCS#10): the public key, subject and names a requester asks a CA
 * to certify, signed with the matching private key. A valid signature proves the requester holds
 * that key; it does not prove they may have the names, which the CA checks separately (ACME
 * challenges, a person's approval).
 *
 * @param signatureValid whether the self-signature verifies under the CSR's own public key
 * @param subjectAltNames the names requested, as openssl prints them: DNS:…, IP:…
 * @param requestsCa whether basicConstraints in the request asks for a CA certificate; empty when it
 *     does not say
 * @param publicKeySha256 SHA-256 of the public key, equal to the one shown for the matching private key
 */
public record CsrView(
        String subject,
        KeyDescription key,
        String signatureAlgorithm,
        boolean signatureValid,
        List<String> subjectAltNames,
        Optional<Boolean> requestsCa,
        String publicKeySha256) implements InspectedItem {

    public CsrView {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    @Override
    public String kind() {
        return "csr";
    }

    @Override
    public String label() {
        return "certificate signing request";
    }
}
