package dev.certa.core.revocation;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A request's nonce extension (RFC 6960 4.4.1, RFC 9654): random bytes the client sends so that it
 * can tell the response was made for its request and is not a replay. The responder copies
 * {@link #extensionValue()} byte for byte into the response, which is what openssl compares.
 *
 * @param extensionValue the extension's extnValue octets, normally the DER of an OCTET STRING holding the nonce
 */
public record OcspNonce(byte[] extensionValue) {

    public OcspNonce {
        extensionValue = extensionValue.clone();
    }

    @Override
    public byte[] extensionValue() {
        return extensionValue.clone();
    }

    byte[] shared() {
        return extensionValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcspNonce n && Arrays.equals(extensionValue, n.extensionValue);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(extensionValue);
    }

    @Override
    public String toString() {
        return "OcspNonce[" + HexFormat.of().formatHex(extensionValue) + "]";
    }
}
