package dev.certa.core.path;

/** The bits of the key usage extension (RFC 5280 section 4.2.1.3), in bit order. */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE("digitalSignature"),
    NON_REPUDIATION("nonRepudiation"),
    KEY_ENCIPHERMENT("keyEncipherment"),
    DATA_ENCIPHERMENT("dataEncipherment"),
    KEY_AGREEMENT("keyAgreement"),
    KEY_CERT_SIGN("keyCertSign"),
    CRL_SIGN("cRLSign"),
    ENCIPHER_ONLY("encipherOnly"),
    DECIPHER_ONLY("decipherOnly");

    private final String asn1Name;

    KeyUsageBit(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    /** The name used in RFC 5280 and by openssl: "digitalSignature". */
    public String asn1Name() {
        return asn1Name;
    }

    /** The bit for an RFC 5280 name such as "keyCertSign" (case-insensitive). */
    public static KeyUsageBit fromAsn1Name(String name) {
        for (KeyUsageBit b : values()) {
            if (b.asn1Name.equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown key usage '" + name + "'");
    }
}
