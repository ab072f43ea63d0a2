package dev.certa.core.path.revocation;

import java.time.Instant;
import java.util.Optional;

/** What one source (a CRL, an OCSP answer) says about one certificate. */
sealed interface Outcome {
    /** "the CRL crl.pem", "the OCSP responder http://…", "the stapled OCSP response". */
    String source();

    /** Not revoked, per this source. */
    record Good(String source, String detail) implements Outcome {}

    record Revoked(String source, Instant when, Optional<String> reason) implements Outcome {}

    /** From the issuer but not usable: fails closed. */
    record Unusable(String source, String why, String fix) implements Outcome {}

    /** This source could not say (unreachable, unverifiable, "unknown"): soft-fail. */
    record Unknown(String source, String why) implements Outcome {}

    /** From the issuer, but does not cover this certificate (issuing distribution point scope). */
    record OutOfScope(String source, String why) implements Outcome {}
}
