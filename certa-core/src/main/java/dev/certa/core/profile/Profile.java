package dev.certa.core.profile;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What kind of certificate to make. A profile decides the CA flag, path length, key usage and
 * extended key usage; the request only supplies the key, the subject and the names.
 *
 * <ul>
 *   <li>{@link RootCa}: the self-signed anchor clients trust; it signs intermediates only.
 *   <li>{@link IntermediateCa}: signs leaf certificates; kept online, replaceable if compromised.
 *   <li>{@link TlsServer}: a server's certificate (EKU serverAuth), names in SANs.
 *   <li>{@link TlsClient}: a client's certificate for mTLS (EKU clientAuth).
 *   <li>{@link TlsServerClient}: both, for services that are server and client at once.
 *   <li>{@link SelfSignedLeaf}: a server certificate signed by its own key — local development only.
 *   <li>{@link OcspResponder}: a delegated OCSP responder's certificate (EKU OCSPSigning, with
 *       id-pkix-ocsp-nocheck so clients need not check its own status); short-lived, re-issued often.
 * </ul>
 */
public sealed interface Profile
        permits Profile.RootCa, Profile.IntermediateCa, Profile.TlsServer, Profile.TlsClient, Profile.TlsServerClient,
                Profile.SelfSignedLeaf, Profile.OcspResponder {

    /** The name used on the command line and in records. */
    String id();

    /** The validity used when the request names none. */
    Duration defaultValidity();

    default boolean isCa() {
        return this instanceof RootCa || this instanceof IntermediateCa;
    }

    /** Whether certificates of this profile may be used by TLS servers / TLS clients. */
    default boolean serverAuth() {
        return this instanceof TlsServer || this instanceof TlsServerClient || this instanceof SelfSignedLeaf;
    }

    default boolean clientAuth() {
        return this instanceof TlsClient || this instanceof TlsServerClient;
    }

    /** A root CA. {@code pathLen} limits how many intermediates may follow; empty means no limit. */
    record RootCa(OptionalInt pathLen) implements Profile {
        public static RootCa unlimited() {
            return new RootCa(OptionalInt.empty());
        }

        @Override
        public String id() {
            return "root-ca";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(3650);
        }
    }

    /**
     * An intermediate CA. {@code pathLen} 0 (the default) means it can sign only leaf certificates.
     * Name constraints, if any, limit the names it can sign for.
     */
    record IntermediateCa(OptionalInt pathLen, NameConstraintRules nameConstraints) implements Profile {
        public static IntermediateCa issuingLeavesOnly() {
            return new IntermediateCa(OptionalInt.of(0), NameConstraintRules.NONE);
        }

        @Override
        public String id() {
            return "intermediate-ca";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(1825);
        }
    }

    record TlsServer() implements Profile {
        @Override
        public String id() {
            return "server";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(90);
        }
    }

    record TlsClient() implements Profile {
        @Override
        public String id() {
            return "client";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(90);
        }
    }

    record TlsServerClient() implements Profile {
        @Override
        public String id() {
            return "server-client";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(90);
        }
    }

    record SelfSignedLeaf() implements Profile {
        @Override
        public String id() {
            return "self-signed";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(365);
        }
    }

    /** A delegated OCSP responder (RFC 6960 §4.2.2.2): signs OCSP responses for its issuing CA, nothing else. */
    record OcspResponder() implements Profile {
        @Override
        public String id() {
            return "ocsp-responder";
        }

        @Override
        public Duration defaultValidity() {
            return Duration.ofDays(7);
        }
    }

    /** The leaf profiles by name: server, client, server-client. */
    static Profile leaf(String id) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "server", "tls-server" -> new TlsServer();
            case "client", "tls-client", "mtls" -> new TlsClient();
            case "server-client", "server+client", "both", "peer" -> new TlsServerClient();
            case "root-ca", "intermediate-ca", "ca", "root", "intermediate" -> throw new CertaException(ErrorKind.USAGE,
                    "'" + id + "' is a CA profile; leaf certificates use server, client or server-client",
                    "create CAs with 'certa ca init' or 'certa ca intermediate'");
            default -> throw new CertaException(ErrorKind.USAGE, "unknown profile '" + id + "'",
                    "use one of: server, client, server-client");
        };
    }
}
