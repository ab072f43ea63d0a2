package dev.certa.core.testing;

import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.issue.Issuer;
import dev.certa.core.key.KeyType;
import dev.certa.core.key.SoftwareSigner;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A small PKI for tests: a root CA, an intermediate beneath it, and helpers to issue leaves, all made
 * through certa's public API.
 */
public final class TestPki {
    public static final SecureRandom RANDOM = new SecureRandom();

    public final KeyType keyType;
    public final Issuer issuer;
    public final KeyPair rootKey;
    public final IssuedCertificate root;
    public final KeyPair intermediateKey;
    public final IssuedCertificate intermediate;
    public final CertificateAuthority rootCa;
    public final CertificateAuthority intermediateCa;

    public TestPki(KeyType keyType, String name) {
        this(keyType, name, Clock.systemUTC());
    }

    public TestPki(KeyType keyType, String name, Clock clock) {
        this.keyType = keyType;
        this.issuer = new Issuer(clock, RANDOM);
        this.rootKey = keyType.generate(RANDOM);
        SoftwareSigner rootSigner = SoftwareSigner.of(rootKey);
        this.root = issuer.issueSelfSigned(IssuanceRequest.forKey(rootKey.getPublic(),
                DistinguishedNames.parse("CN=" + name + " Root CA,O=certa tests"), List.of(), Profile.RootCa.unlimited()),
                rootSigner);
        this.rootCa = new CertificateAuthority(root.certificate(), List.of(), rootSigner);
        this.intermediateKey = keyType.generate(RANDOM);
        this.intermediate = issuer.issue(IssuanceRequest.forKey(intermediateKey.getPublic(),
                DistinguishedNames.parse("CN=" + name + " Intermediate CA,O=certa tests"), List.of(),
                Profile.IntermediateCa.issuingLeavesOnly()).withValidity(Duration.ofDays(1000)), rootCa);
        this.intermediateCa = new CertificateAuthority(intermediate.certificate(), List.of(root.certificate()),
                SoftwareSigner.of(intermediateKey));
    }

    /** A leaf for {@code names} with a fresh key of this PKI's type. */
    public Leaf leaf(Profile profile, String... names) {
        KeyPair key = keyType.generate(RANDOM);
        List<SubjectAltName> sans = java.util.Arrays.stream(names).map(SubjectAltName::parse).toList();
        IssuedCertificate cert = issuer.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.parse(""), sans, profile), intermediateCa);
        return new Leaf(key, cert);
    }

    public record Leaf(KeyPair key, IssuedCertificate issued) {}
}
