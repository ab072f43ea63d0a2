package dev.certa.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.issue.EncodedCertificate;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.pem.PemWriter;
import dev.certa.server.http.Json;
import dev.certa.store.StoredCertificate;
import java.security.cert.X509Certificate;

/** How the API writes certificates: PEM text plus the facts a client needs without parsing it. */
final class CertificateJson {
    private CertificateJson() {}

    /**
     * A fresh certificate as the API returns it. Written from its DER and the facts the issuer already knows:
     * a signing server never needs to parse what it just signed.
     */
    static ObjectNode issued(Json json, IssuedCertificate issued) {
        EncodedCertificate c = issued.encoded();
        ObjectNode n = json.object();
        n.put("serial", c.serial().toString(16));
        n.put("notBefore", c.notBefore().toString());
        n.put("notAfter", c.notAfter().toString());
        String leaf = PemWriter.block("CERTIFICATE", issued.der());
        n.put("certificate", leaf);
        ArrayNode chain = n.putArray("chain");
        StringBuilder full = new StringBuilder(leaf);
        for (X509Certificate i : issued.intermediates()) {
            String pem = PemWriter.certificate(i);
            chain.add(pem);
            full.append(pem);
        }
        n.put("fullchain", full.toString());
        return n;
    }

    static ObjectNode stored(Json json, StoredCertificate s) {
        var c = s.certificate();
        ObjectNode n = json.object();
        n.put("serial", c.serial().toString(16));
        n.put("issuer", c.issuerId());
        ArrayNode names = n.putArray("names");
        c.names().forEach(names::add);
        n.put("notBefore", c.notBefore().toString());
        n.put("notAfter", c.notAfter().toString());
        n.put("profile", c.profile());
        n.put("requester", c.requester());
        n.put("issuedAt", c.issuedAt().toString());
        n.put("status", s.isRevoked() ? "revoked" : "valid");
        s.revocation().ifPresent(r -> {
            n.put("revokedAt", r.revokedAt().toString());
            n.put("reason", RevocationReasons.name(r.reasonCode()));
        });
        return n;
    }
}
