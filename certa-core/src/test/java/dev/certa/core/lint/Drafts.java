package dev.certa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.issue.Issuer;
import dev.certa.core.issue.IssuerFacts;
import dev.certa.core.key.KeyType;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.NameConstraintRules;
import dev.certa.core.profile.Profile;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Certificate drafts for lint tests, shaped like the ones {@link Issuer#prepare} builds: a P-256 key,
 * issued at {@link #NOW} (notBefore backdated by {@link Issuer#BACKDATE}), by an intermediate CA
 * with path length 0 valid for another 1000 days. Names are taken as given, unchecked, the way a
 * CSR delivers them.
 */
final class Drafts {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final SubjectPublicKeyInfo P256 = spki(KeyType.EC_P256.generate(new SecureRandom()).getPublic());

    private Profile profile = new Profile.TlsServer();
    private String subject = "";
    private SubjectPublicKeyInfo key = P256;
    private Instant notBefore = NOW.minus(Issuer.BACKDATE);
    private Instant notAfter = NOW.plus(Duration.ofDays(90));
    private final List<SubjectAltName> names = new ArrayList<>();
    private Optional<Boolean> requestedCa = Optional.empty();
    private Optional<IssuerFacts> issuer = Optional.of(intermediate());

    private Drafts() {}

    /** A 90-day server certificate with the given DNS names, unchecked. */
    static Drafts server(String... dnsNames) {
        Drafts d = new Drafts();
        for (String n : dnsNames) {
            d.names.add(new SubjectAltName(SubjectAltName.Type.DNS, n));
        }
        return d;
    }

    static Drafts of(Profile profile) {
        return server().profile(profile);
    }

    Drafts profile(Profile p) {
        this.profile = p;
        return this;
    }

    Drafts subject(String dn) {
        this.subject = dn;
        return this;
    }

    Drafts key(PublicKey k) {
        this.key = spki(k);
        return this;
    }

    Drafts name(SubjectAltName.Type type, String value) {
        names.add(new SubjectAltName(type, value));
        return this;
    }

    /** Valid from NOW (backdated as the issuer does) for {@code d}. */
    Drafts validFor(Duration d) {
        this.notBefore = NOW.minus(Issuer.BACKDATE);
        this.notAfter = NOW.plus(d);
        return this;
    }

    Drafts requestedCa(boolean ca) {
        this.requestedCa = Optional.of(ca);
        return this;
    }

    Drafts issuedBy(IssuerFacts facts) {
        this.issuer = Optional.of(facts);
        return this;
    }

    Drafts selfSigned() {
        this.issuer = Optional.empty();
        return this;
    }

    CertificateDraft build() {
        return new CertificateDraft(BigInteger.valueOf(0x1234_5678_9abcL), DistinguishedNames.parse(subject),
                DistinguishedNames.parse("CN=Test Intermediate CA,O=certa tests"), key, notBefore, notAfter, profile,
                names, requestedCa, issuer);
    }

    /** The default issuer: a CA with pathLen 0 and keyCertSign, no name constraints, 1000 days left. */
    static IssuerFacts intermediate() {
        return issuer(true, OptionalInt.of(0), true, NameConstraintRules.NONE);
    }

    static IssuerFacts issuer(boolean ca, OptionalInt pathLen, boolean keyCertSign, NameConstraintRules nc) {
        return new IssuerFacts(DistinguishedNames.parse("CN=Test Intermediate CA,O=certa tests"),
                NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(1000)), ca, pathLen, keyCertSign, nc);
    }

    static IssuerFacts expiringAt(Instant notAfter) {
        IssuerFacts i = intermediate();
        return new IssuerFacts(i.subject(), i.notBefore(), notAfter, i.ca(), i.pathLen(), i.keyCertSign(),
                i.nameConstraints());
    }

    static IssuerFacts constrained(NameConstraintRules nc) {
        return issuer(true, OptionalInt.of(0), true, nc);
    }

    /** Runs {@code lint} and returns its single finding, failing unless there is exactly one from that lint. */
    static LintFinding onlyFinding(Lint lint, Drafts draft) {
        List<LintFinding> found = lint.check(draft.build());
        assertThat(found).as("findings of %s", lint.id()).hasSize(1);
        LintFinding f = found.get(0);
        assertThat(f.lint()).isEqualTo(lint.id());
        assertThat(f.fix()).as("a finding says what to do").isNotBlank();
        return f;
    }

    static SubjectPublicKeyInfo spki(PublicKey k) {
        return SubjectPublicKeyInfo.getInstance(k.getEncoded());
    }
}
