package dev.certa.cli;

import dev.certa.core.ca.CaDirectory;
import dev.certa.core.ca.CaLedger;
import dev.certa.core.ca.LedgerCertificate;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.OutputFiles;
import dev.certa.core.pem.PemReader;
import dev.certa.core.revocation.RevocationReason;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

/** 'certa revoke --dir CA': records a revocation in an offline CA's ledger. */
final class OfflineRevocation {
    private final Env env;

    OfflineRevocation(Env env) {
        this.env = env;
    }

    int revoke(Path dir, Optional<String> serialText, Optional<String> certFile, String reasonText) {
        RevocationReason reason = RevocationReason.parse(reasonText);
        if (serialText.isPresent() == certFile.isPresent()) {
            throw new CertaException(ErrorKind.USAGE, "which certificate? give its SERIAL or --cert FILE (one of them)",
                    "e.g. certa revoke --cert api.pem --dir " + dir + " --reason keyCompromise");
        }
        CaDirectory ca = new CaDirectory(dir);
        ca.rootCertificate(); // a clear error when DIR holds no CA
        CaLedger ledger = ca.ledger();
        BigInteger serial;
        if (certFile.isPresent()) {
            Path p = env.path(certFile.get());
            X509Certificate cert = PemReader.readCertificate(OutputFiles.read(p), p.toString());
            serial = cert.getSerialNumber();
            ledger.read().certificate(serial).ifPresent(recorded -> requireSame(recorded, cert, p, dir));
        } else {
            serial = parseSerial(serialText.get());
        }
        CaLedger.Revocation r = ledger.revoke(serial, reason, env.clock().instant());
        LedgerCertificate c = r.certificate();
        String what = "serial " + c.serialHex() + " (" + (c.names().isEmpty() ? c.subject() : String.join(", ", c.names()))
                + ", issued by " + (c.issuer().equals("root") ? "the root" : "intermediate '" + c.issuer() + "'") + ")";
        if (r.alreadyRevoked()) {
            env.out().println("Already revoked: " + what + " was revoked at " + r.standing().revokedAt() + " ("
                    + r.standing().reason().rfcName() + "); the first revocation stands.");
            return 0;
        }
        env.out().println("Revoked " + what + " at " + r.standing().revokedAt() + ", reason " + reason.rfcName() + ".");
        env.out().println("Clients learn of it from the next CRL: certa crl --dir " + dir);
        return 0;
    }

    private static void requireSame(LedgerCertificate recorded, X509Certificate cert, Path file, Path dir) {
        try {
            if (!Arrays.equals(recorded.der(), cert.getEncoded())) {
                throw CertaException.badInput(file + " is not the certificate the CA in " + dir + " issued with serial "
                        + recorded.serialHex() + " (another issuer's certificate with the same serial?)",
                        "give a certificate this CA issued, or its serial from 'certa certs --dir " + dir + "'");
            }
        } catch (CertificateEncodingException e) {
            throw CertaException.badInput(file + " cannot be encoded", "give a certificate this CA issued", e);
        }
    }

    /** "5f:3a:…", "5F3A…" or "0x5f3a…". */
    static BigInteger parseSerial(String text) {
        String hex = text.trim().replaceFirst("^0[xX]", "").replace(":", "").replace(" ", "");
        if (hex.isEmpty() || !hex.matches("[0-9a-fA-F]+")) {
            throw new CertaException(ErrorKind.USAGE, "'" + text + "' is not a serial number in hex",
                    "give the serial as 'certa certs --dir DIR' or 'certa inspect' prints it");
        }
        return new BigInteger(hex, 16);
    }
}
