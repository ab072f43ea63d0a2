package dev.certa.server.revocation;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.server.config.ServerConfig;
import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.ProblemException;
import dev.certa.server.http.Reply;
import dev.certa.server.http.Router;
import dev.certa.store.CertaStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;

/**
 * What issued certificates point at, served on both ports: the issuing CA's certificate (AIA
 * caIssuers, DER) at {@code /ca/<issuerId>.cer}, the CRL at {@code /crl/<issuerId>.crl} and the OCSP
 * responder at {@code /ocsp}.
 */
public final class RevocationEndpoints implements AutoCloseable {
    private final String issuerId;
    private final byte[] caDer;

    private RevocationEndpoints(String issuerId, byte[] caDer) {
        this.issuerId = issuerId;
        this.caDer = caDer;
    }

    public static RevocationEndpoints create(ServerConfig config, CertificateAuthority ca, String issuerId, CertaStore store,
            RevocationService revocation, Clock clock, MeterRegistry meters) {
        return new RevocationEndpoints(issuerId, der(ca.certificate()));
    }

    public void register(Router router) {
        router.add("GET", "/ca/*", "aia", this::caCertificate);
    }

    private Reply caCertificate(ApiRequest r) {
        if (!r.path().equals("/ca/" + issuerId + ".cer")) {
            throw ProblemException.notFound("unknown-ca", "this CA serves its certificate at /ca/" + issuerId + ".cer");
        }
        return Reply.of(200, "application/pkix-cert", caDer).withHeader("Cache-Control", "public, max-age=86400");
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // the CRL scheduler stops here
    }
}
