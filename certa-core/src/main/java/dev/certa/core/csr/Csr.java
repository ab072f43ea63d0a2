package dev.certa.core.csr;

import dev.certa.core.crypto.Signatures;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.key.KeyDescription;
import dev.certa.core.name.SubjectAltName;
import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A PKCS#10 certificate signing request: a public key, the subject and names the requester wants,
 * signed with the matching private key to prove possession. A CA decides what actually goes into
 * the certificate; the CSR is only a wish list.
 */
public final class Csr {
    private final PKCS10CertificationRequest request;

    private Csr(PKCS10CertificationRequest request) {
        this.request = request;
    }

    /** Wraps a parsed request. */
    public static Csr of(PKCS10CertificationRequest request) {
        return new Csr(request);
    }

    /** Parses DER; {@code source} names the input in errors. */
    public static Csr fromDer(byte[] der, String source) {
        try {
            PKCS10CertificationRequest r = new PKCS10CertificationRequest(der);
            r.getSubjectPublicKeyInfo(); // forces the structure to be read
            return new Csr(r);
        } catch (IOException | RuntimeException e) {
            throw CertaException.badInput(source + ": the certificate signing request is damaged (not valid DER)",
                    "create the CSR again, e.g. with 'certa csr create'", e);
        }
    }

    public PKCS10CertificationRequest bouncyCastle() {
        return request;
    }

    public byte[] der() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public X500Name subject() {
        return request.getSubject();
    }

    public SubjectPublicKeyInfo publicKeyInfo() {
        return request.getSubjectPublicKeyInfo();
    }

    /** The requester's public key as a JCA key. */
    public PublicKey publicKey() {
        try {
            return new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
        } catch (IOException | RuntimeException e) {
            KeyDescription d = KeyDescription.of(request.getSubjectPublicKeyInfo());
            throw new CertaException(ErrorKind.UNSUPPORTED_KEY,
                    "the CSR's public key (" + d.display() + ") cannot be used", "use an EC P-256, P-384, RSA or Ed25519 key", e);
        }
    }

    public KeyDescription keyDescription() {
        return KeyDescription.of(request.getSubjectPublicKeyInfo());
    }

    /** The JCA name of the algorithm the CSR is signed with. */
    public String signatureAlgorithm() {
        return Signatures.jcaName(request.getSignatureAlgorithm());
    }

    /** True when the CSR's self-signature verifies: the requester holds the private key. */
    public boolean signatureValid() {
        try {
            SubjectPublicKeyInfo key = request.getSubjectPublicKeyInfo();
            if (Signatures.keyFamily(key).isPresent()) {
                // decoded straight into the verifying provider: no JDK key object to translate
                return request.isSignatureValid(Signatures.verifierProvider(key));
            }
            return request.isSignatureValid(Signatures.verifierProvider(publicKey()));
        } catch (PKCSException | RuntimeException e) {
            return false;
        }
    }

    /** Throws {@link ErrorKind#BAD_SIGNATURE} unless the self-signature verifies. */
    public Csr requireValidSignature(String source) {
        if (!signatureValid()) {
            throw new CertaException(ErrorKind.BAD_SIGNATURE,
                    source + ": the CSR's signature does not verify (it was altered, or signed with another key)",
                    "create the CSR again from the private key that belongs with it");
        }
        return this;
    }

    /** Extensions requested through the PKCS#9 extensionRequest attribute. */
    public Optional<Extensions> requestedExtensions() {
        Attribute[] attributes = decoded("attributes are malformed",
                () -> request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest));
        for (Attribute a : attributes) {
            ASN1Encodable[] values = a.getAttributeValues();
            if (values.length > 0) {
                return Optional.of(decoded("requested extensions are malformed", () -> Extensions.getInstance(values[0])));
            }
        }
        return Optional.empty();
    }

    /** The subject alternative names requested, in order. */
    public List<SubjectAltName> subjectAltNames() {
        return requestedExtensions()
                .map(x -> decoded("subjectAltName extension is not a valid list of names",
                        () -> GeneralNames.fromExtensions(x, Extension.subjectAlternativeName)))
                .map(names -> decoded("subjectAltName extension holds a malformed name",
                        () -> SubjectAltName.fromGeneralNames(names)))
                .orElse(List.of());
    }

    /** Whether the requester asked for a CA certificate (basicConstraints cA=TRUE), if it said. */
    public Optional<Boolean> requestsCa() {
        return requestedExtensions()
                .map(x -> x.getExtension(Extension.basicConstraints))
                .map(e -> decoded("basicConstraints extension is malformed",
                        () -> BasicConstraints.getInstance(e.getParsedValue()).isCA()));
    }

    /**
     * Decodes a part of the request that Bouncy Castle reads only when asked. Its getInstance methods
     * refuse a structure of the wrong shape with an unchecked exception (IllegalArgumentException, or
     * another); that is the requester's error, reported as {@link ErrorKind#BAD_INPUT}.
     */
    private static <T> T decoded(String problem, Supplier<T> part) {
        try {
            return part.get();
        } catch (CertaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CertaException.badInput("the CSR's " + problem,
                    "create the CSR again, e.g. with 'certa csr create' or 'openssl req -new'", e);
        }
    }
}
