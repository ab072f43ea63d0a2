package dev.certa.core.csr;

import dev.certa.core.error.CertaException;
import dev.certa.core.key.Signer;
import dev.certa.core.name.SubjectAltName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/**
 * Builds a CSR, like {@code openssl req -new}: a subject, the names the certificate should cover,
 * signed by the requester's key.
 *
 * <pre>{@code
 * Csr csr = new CsrBuilder(X500Name("CN=api.example.com"))
 *     .addSubjectAltName(SubjectAltName.dns("api.example.com"))
 *     .sign(signer);
 * }</pre>
 */
public final class CsrBuilder {
    private final X500Name subject;
    private final List<SubjectAltName> sans = new ArrayList<>();

    public CsrBuilder(X500Name subject) {
        this.subject = subject;
    }

    public CsrBuilder addSubjectAltName(SubjectAltName san) {
        sans.add(san);
        return this;
    }

    public CsrBuilder addSubjectAltNames(List<SubjectAltName> names) {
        sans.addAll(names);
        return this;
    }

    /** Signs the request with the requester's key. */
    public Csr sign(Signer signer) {
        var builder = new PKCS10CertificationRequestBuilder(subject,
                SubjectPublicKeyInfo.getInstance(signer.publicKey().getEncoded()));
        List<SubjectAltName> unique = new ArrayList<>(new LinkedHashSet<>(sans));
        if (!unique.isEmpty()) {
            try {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                ext.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        SubjectAltName.toGeneralNames(unique));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            } catch (IOException e) {
                throw CertaException.badInput("could not encode the subject alternative names", null, e);
            }
        }
        return Csr.of(builder.build(signer.contentSigner()));
    }
}
