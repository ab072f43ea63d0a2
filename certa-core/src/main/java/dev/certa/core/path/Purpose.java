package dev.certa.core.path;

import java.util.Optional;

/**
 * What the leaf certificate is to be used for, checked against its extended key usage (EKU) and
 * against the EKUs of the CAs above it.
 */
public enum Purpose {
    /** A TLS server: the leaf's EKU, when present, must include serverAuth (1.3.6.1.5.5.7.3.1). */
    SERVER("1.3.6.1.5.5.7.3.1", "TLS server authentication"),
    /** A TLS client: the leaf's EKU, when present, must include clientAuth (1.3.6.1.5.5.7.3.2). */
    CLIENT("1.3.6.1.5.5.7.3.2", "TLS client authentication"),
    /** No particular use: EKUs are not checked (other than the extra ones asked for in the options). */
    ANY(null, "any purpose");

    private final String ekuOid;
    private final String description;

    Purpose(String ekuOid, String description) {
        this.ekuOid = ekuOid;
        this.description = description;
    }

    /** The EKU object identifier this purpose needs, if any. */
    public Optional<String> ekuOid() {
        return Optional.ofNullable(ekuOid);
    }

    /** "TLS server authentication", for messages. */
    public String description() {
        return description;
    }

    /** Who sends the certificate, for messages: "the server", "the client", "the chain given". */
    String sender() {
        return switch (this) {
            case SERVER -> "the server";
            case CLIENT -> "the client";
            case ANY -> "the chain given";
        };
    }
}
