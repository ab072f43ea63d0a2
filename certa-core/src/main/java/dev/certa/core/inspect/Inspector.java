package dev.certa.core.inspect;

import dev.certa.core.csr.Csr;
import dev.certa.core.error.CertaException;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.pem.Decoded;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.pem.PemReader;
import dev.certa.core.pem.Pkcs12Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;

/**
 * Reads a file a person hands to {@code certa inspect} and describes everything in it: certificates
 * (a single one, a chain or a bundle), certificate signing requests, private and public keys, CRLs,
 * and PKCS#12/JKS keystores.
 *
 * <pre>{@code
 * Inspection i = Inspector.inspect(Files.readAllBytes(path), path.toString(), passwords, Clock.systemUTC());
 * System.out.print(TextRenderer.render(i));   // or JsonRenderer.render(i) for scripts
 * }</pre>
 *
 * <p>Private keys are decoded only to find their public half; the result never holds private key
 * material. Certificates are described from their encoding alone: no signature is checked and no
 * crypto provider is loaded, so inspecting a certificate stays fast. Only a CSR's self-signature is
 * verified, because "was this CSR signed by its key?" is a question people ask of a CSR.
 */
public final class Inspector {
    private Inspector() {}

    /**
     * Describes every object in {@code data} (PEM with any number of blocks, DER, or a PKCS#12/JKS
     * keystore), in file order, as it stands at {@code clock}'s instant.
     *
     * @param source names the file in headings and errors (usually its path)
     * @param passwords asked only for an encrypted key or a keystore
     * @throws CertaException BAD_INPUT when the file is not readable as any of these, naming
     *     {@code source}; WRONG_PASSWORD when an encrypted key or keystore cannot be opened
     */
    public static Inspection inspect(byte[] data, String source, PasswordSource passwords, Clock clock) {
        Instant now = clock.instant();
        List<Decoded> decoded = Pkcs12Reader.isKeystore(data)
                ? Pkcs12Reader.read(data, source, passwords)
                : PemReader.read(data, source, passwords);
        List<InspectedItem> items = new ArrayList<>(decoded.size());
        Map<String, Integer> seen = new HashMap<>();
        for (Decoded d : decoded) {
            int n = seen.merge(d.kind(), 1, Integer::sum);
            try {
                items.add(view(d, now));
            } catch (CertaException e) {
                throw e.in(source + " (" + d.kind() + " " + n + ")");
            }
        }
        return new Inspection(source, items);
    }

    /** One decoded object as a view; private keys contribute only their public half. */
    static InspectedItem view(Decoded d, Instant now) {
        return switch (d) {
            case Decoded.Certificate c -> CertificateView.of(c.certificate(), now);
            case Decoded.Request r -> csr(r.csr());
            case Decoded.PrivateKey k -> {
                SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(k.keyPair().getPublic().getEncoded());
                yield new PrivateKeyView(KeyDescription.of(spki), k.format(), k.encrypted(), Hex.sha256(spki));
            }
            case Decoded.PublicKeyOnly p -> {
                SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(p.publicKey().getEncoded());
                yield new PublicKeyView(KeyDescription.of(spki), Hex.sha256(spki));
            }
            case Decoded.Crl c -> crl(c.crl(), now);
        };
    }

    private static CsrView csr(Csr csr) {
        List<String> names = csr.requestedExtensions()
                .map(x -> GeneralNames.fromExtensions(x, Extension.subjectAlternativeName))
                .map(GeneralNameText::of)
                .orElse(List.of());
        return new CsrView(
                DistinguishedNames.display(csr.subject()),
                csr.keyDescription(),
                SignatureNames.of(csr.bouncyCastle().getSignatureAlgorithm()),
                csr.signatureValid(),
                names,
                csr.requestsCa(),
                Hex.sha256(csr.publicKeyInfo()));
    }

    private static CrlView crl(X509CRLHolder crl, Instant now) {
        Optional<Instant> next = Optional.ofNullable(crl.getNextUpdate()).map(Date::toInstant);
        try {
            Optional<String> number = Optional.ofNullable(crl.getExtension(Extension.cRLNumber))
                    .map(e -> CRLNumber.getInstance(e.getParsedValue()).getCRLNumber().toString());
            Optional<String> aki = Optional.ofNullable(crl.getExtensions())
                    .map(AuthorityKeyIdentifier::fromExtensions)
                    .map(AuthorityKeyIdentifier::getKeyIdentifierOctets)
                    .map(Hex::colon);
            return new CrlView(
                    DistinguishedNames.display(crl.getIssuer()),
                    crl.getThisUpdate().toInstant(),
                    next,
                    crl.getRevokedCertificates().size(),
                    number,
                    SignatureNames.of(crl.toASN1Structure().getSignatureAlgorithm()),
                    next.map(now::isAfter).orElse(false),
                    aki);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CertaException.badInput("the CRL's extensions are malformed (" + e.getMessage() + ")",
                    "download the CRL again from its issuer", e);
        }
    }
}
