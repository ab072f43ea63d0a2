package dev.certa.server.ra.acme;

import dev.certa.core.io.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A certificate profile an ACME client may ask for by name (the ACME profiles extension,
 * draft-ietf-acme-profiles): the directory lists each name with a description, a newOrder names one,
 * and the certificate is issued under certa's leaf profile {@code certaProfile} for {@code validity}.
 * Let's Encrypt offers, for example, {@code tlsserver} (90 days) and {@code shortlived} (about 6 days).
 */
public record AcmeProfile(String name, Duration validity, String certaProfile) {
    public AcmeProfile {
        Objects.requireNonNull(name, "name");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Objects.requireNonNull(certaProfile, "certaProfile");
    }

    /** A TLS server certificate profile (certa's {@code server}). */
    public static AcmeProfile tlsServer(String name, Duration validity) {
        return new AcmeProfile(name, validity, "server");
    }

    /** What the directory says about it, e.g. "TLS server certificate, valid for 90d". */
    public String description() {
        return "TLS server certificate, valid for " + Durations.describe(validity);
    }
}
