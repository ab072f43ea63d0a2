package dev.certa.core.path.revocation;

import dev.certa.core.error.CertaException;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * A certificate revocation list and where it came from (a file name or the URL it was fetched from),
 * for messages.
 */
public record Crl(String source, X509CRLHolder crl) {
    public Crl {
        Objects.requireNonNull(source);
        Objects.requireNonNull(crl);
    }

    /**
     * Every CRL in {@code data} (PEM with any number of X509 CRL blocks, or one DER CRL).
     *
     * @throws CertaException BAD_INPUT naming {@code source} when the data is not CRLs
     */
    public static List<Crl> read(byte[] data, String source) {
        List<Decoded> decoded;
        try {
            decoded = PemReader.read(data, source, PasswordSource.none());
        } catch (CertaException e) {
            throw new CertaException(e.kind(), e.reason(), "pass a CRL in PEM (-----BEGIN X509 CRL-----) or DER form, such as "
                    + "'openssl ca -gencrl' writes", e);
        }
        List<Crl> out = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d instanceof Decoded.Crl c) {
                out.add(new Crl(source, c.crl()));
            } else {
                throw CertaException.badInput(source + ": this holds a " + d.kind() + ", not a CRL",
                        "pass the CA's certificate revocation list (PEM -----BEGIN X509 CRL----- or DER)");
            }
        }
        if (out.isEmpty()) {
            throw CertaException.badInput(source + ": no CRL found", "pass the CA's certificate revocation list (PEM or DER)");
        }
        return out;
    }
}
