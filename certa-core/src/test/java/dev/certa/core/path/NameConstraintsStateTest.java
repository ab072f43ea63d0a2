package dev.certa.core.path;

import static dev.certa.core.path.TestCerts.cert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NameConstraintsStateTest {

    /** The state below one CA that has {@code trees} as permitted (or, with {@code excluded}, excluded) subtrees. */
    private static NameConstraintsState permitting(GeneralSubtree... trees) throws NameConstraintException {
        return NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA").permits(trees).build());
    }

    private static NameConstraintsState excluding(GeneralSubtree... trees) throws NameConstraintException {
        return NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA").excludes(trees).build());
    }

    private static Optional<String> leaf(NameConstraintsState state, TestCerts.Builder b) {
        return state.violation(b.issuer("CN=Constrained CA").build(), true);
    }

    private static TestCerts.Builder leafFor(String... dns) {
        return cert("CN=leaf").dns(dns);
    }

    @Test
    void unconstrainedAcceptsAnyWellFormedCertificate() {
        X509Certificate c = cert("CN=anything").dns("evil.com", "bad name!").ip("10.0.0.1").email("x@y").build();
        assertThat(NameConstraintsState.unconstrained().violation(c, true)).isEmpty();
        assertThat(NameConstraintsState.unconstrained().isUnconstrained()).isTrue();
    }

    @Test
    void aCaWithoutTheExtensionLeavesTheStateAlone() throws Exception {
        NameConstraintsState s = permitting(TestCerts.dns("example.com"));
        assertThat(s.apply(cert("CN=Plain CA").ca().build())).isSameAs(s);
    }

    @Test
    void messageNamesTheNameTheConstraintAndTheCa() throws Exception {
        assertThat(leaf(permitting(TestCerts.dns("example.com"), TestCerts.dns("example.org")), leafFor("evil.com")))
                .contains("DNS:evil.com is outside the permitted names (example.com, example.org) set by CN=Constrained CA");
        assertThat(leaf(excluding(TestCerts.dns("bad.example.com")), leafFor("bad.example.com")))
                .contains("DNS:bad.example.com is within the excluded names (bad.example.com) set by CN=Constrained CA");
    }

    @Nested
    class Dns {
        @Test
        void aPermittedDomainHoldsItselfAndEveryNameBelowItLabelByLabel() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dns("example.com"));
            assertThat(leaf(s, leafFor("example.com"))).isEmpty();
            assertThat(leaf(s, leafFor("www.example.com", "a.b.example.com"))).isEmpty();
            assertThat(leaf(s, leafFor("WWW.Example.COM"))).isEmpty();
            assertThat(leaf(s, leafFor("badexample.com"))).isPresent();
            assertThat(leaf(s, leafFor("example.com.evil.org"))).isPresent();
            assertThat(leaf(s, leafFor("com"))).isPresent();
            assertThat(leaf(s, leafFor("www.example.com", "evil.org"))).as("every name must be permitted").isPresent();
        }

        @Test
        void constraintsCompareCaseInsensitively() throws Exception {
            assertThat(leaf(permitting(TestCerts.dns("EXAMPLE.com")), leafFor("www.example.COM"))).isEmpty();
            assertThat(leaf(excluding(TestCerts.dns("Bad.Example.com")), leafFor("BAD.example.com"))).isPresent();
        }

        @Test
        void excludedWinsOverPermitted() throws Exception {
            NameConstraintsState s = NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA")
                    .constraints(new GeneralSubtree[] {TestCerts.dns("example.com")},
                            new GeneralSubtree[] {TestCerts.dns("bad.example.com")}).build());
            assertThat(leaf(s, leafFor("good.example.com"))).isEmpty();
            assertThat(leaf(s, leafFor("bad.example.com"))).isPresent();
            assertThat(leaf(s, leafFor("x.bad.example.com"))).isPresent();
            assertThat(leaf(s, leafFor("notbad.example.com"))).isEmpty();
        }

        @Test
        void theEmptyConstraintIsEveryDnsName() throws Exception {
            assertThat(leaf(permitting(TestCerts.dns("")), leafFor("anything.example"))).isEmpty();
            assertThat(leaf(excluding(TestCerts.dns("")), leafFor("anything.example"))).isPresent();
            assertThat(leaf(excluding(TestCerts.dns("")), cert("CN=leaf").ip("192.0.2.1"))).isEmpty();
        }

        @Test
        void aWildcardIsPermittedOnlyIfEveryNameItStandsForIs() throws Exception {
            assertThat(leaf(permitting(TestCerts.dns("example.com")), leafFor("*.example.com"))).isEmpty();
            assertThat(leaf(permitting(TestCerts.dns("com")), leafFor("*.example.com"))).isEmpty();
            assertThat(leaf(permitting(TestCerts.dns("foo.example.com")), leafFor("*.example.com"))).isPresent();
            assertThat(leaf(permitting(TestCerts.dns("example.com")), leafFor("*.com"))).isPresent();
        }

        @Test
        void aWildcardIsExcludedIfAnyNameItStandsForIs() throws Exception {
            assertThat(leaf(excluding(TestCerts.dns("bar.example.com")), leafFor("*.example.com"))).isPresent();
            assertThat(leaf(excluding(TestCerts.dns("example.com")), leafFor("*.example.com"))).isPresent();
            assertThat(leaf(excluding(TestCerts.dns("com")), leafFor("*.example.com"))).isPresent();
            assertThat(leaf(excluding(TestCerts.dns("a.b.example.com")), leafFor("*.example.com")))
                    .as("one label cannot reach two levels down").isEmpty();
            assertThat(leaf(excluding(TestCerts.dns("example.org")), leafFor("*.example.com"))).isEmpty();
            assertThat(leaf(excluding(TestCerts.dns("bar.other.com")), leafFor("*.example.com"))).isEmpty();
        }

        @Test
        void malformedNamesAreRejectedWhenDnsIsConstrainedAndOnlyThen() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dns("example.com"));
            for (String bad : new String[] {".example.com", "a..example.com", "example.com.", "ex ample.example.com",
                    "ba*.example.com", "foo.*.example.com", "*", "http://x.example.com", "b\u00fccher.example.com",
                    "bad.example.com, x.example.com"}) {
                assertThat(leaf(s, leafFor(bad))).as(bad).hasValueSatisfying(m -> assertThat(m).contains("not a valid host name"));
            }
            assertThat(leaf(permitting(TestCerts.ip("10.0.0.0/8")), leafFor("ex ample.com"))).as("DNS not constrained").isEmpty();
        }

        @Test
        void aDnsNameWrittenAsAnIpAddressIsAlsoCheckedAsOne() throws Exception {
            assertThat(leaf(permitting(TestCerts.ip("10.0.0.0/8")), leafFor("192.0.2.1")))
                    .hasValueSatisfying(m -> assertThat(m).contains("an IP address written as a DNS name"));
            assertThat(leaf(permitting(TestCerts.ip("10.0.0.0/8")), leafFor("10.1.2.3"))).isEmpty();
        }

        @Test
        void malformedDnsConstraintsAreRefused() {
            for (String bad : new String[] {".example.com", "*.example.com", "example.com.", "exa mple.com", "a..b"}) {
                assertThatThrownBy(() -> permitting(TestCerts.dns(bad))).as(bad).isInstanceOf(NameConstraintException.class)
                        .hasMessageContaining(bad);
            }
        }
    }

    @Nested
    class Layers {
        @Test
        void permittedSubtreesNarrowDownThePath() throws Exception {
            NameConstraintsState s = NameConstraintsState.unconstrained()
                    .apply(cert("CN=Root").permits(TestCerts.dns("example.com")).build())
                    .apply(cert("CN=Constrained CA").issuer("CN=Root")
                            .permits(TestCerts.dns("a.example.com"), TestCerts.dns("example.org")).build());
            assertThat(leaf(s, leafFor("x.a.example.com"))).isEmpty();
            assertThat(leaf(s, leafFor("b.example.com"))).hasValueSatisfying(m -> assertThat(m).contains("CN=Constrained CA"));
            assertThat(leaf(s, leafFor("example.org"))).hasValueSatisfying(m -> assertThat(m).contains("set by CN=Root"));
        }

        @Test
        void aLowerCaCannotWidenWhatIsPermitted() throws Exception {
            NameConstraintsState s = NameConstraintsState.unconstrained()
                    .apply(cert("CN=Root").permits(TestCerts.dns("bar.example.com")).build())
                    .apply(cert("CN=Constrained CA").issuer("CN=Root")
                            .permits(TestCerts.dns("foo.example.com"), TestCerts.dns("bar.example.com")).build());
            assertThat(leaf(s, leafFor("foo.example.com"))).isPresent();
            assertThat(leaf(s, leafFor("bar.example.com"))).isEmpty();
        }

        @Test
        void excludedSubtreesAddUp() throws Exception {
            NameConstraintsState s = NameConstraintsState.unconstrained()
                    .apply(cert("CN=Root").excludes(TestCerts.dns("a.example")).build())
                    .apply(cert("CN=Constrained CA").issuer("CN=Root").excludes(TestCerts.dns("b.example")).build());
            assertThat(leaf(s, leafFor("a.example"))).isPresent();
            assertThat(leaf(s, leafFor("b.example"))).isPresent();
            assertThat(leaf(s, leafFor("c.example"))).isEmpty();
        }

        @Test
        void aCaPermittingOneFormLeavesOtherFormsAsTheyWere() throws Exception {
            NameConstraintsState s = NameConstraintsState.unconstrained()
                    .apply(cert("CN=Root").permits(TestCerts.dns("example.com")).build())
                    .apply(cert("CN=Constrained CA").issuer("CN=Root").permits(TestCerts.ip("192.0.2.0/24")).build());
            assertThat(leaf(s, leafFor("www.example.com").ip("192.0.2.7"))).isEmpty();
            assertThat(leaf(s, leafFor("evil.org"))).isPresent();
            assertThat(leaf(s, cert("CN=leaf").ip("198.51.100.1"))).isPresent();
        }

        @Test
        void aFormWithNoNameInTheCertificateIsFine() throws Exception {
            assertThat(leaf(permitting(TestCerts.ip("192.0.2.0/24")), leafFor("example.com"))).isEmpty();
            assertThat(leaf(excluding(TestCerts.ip("192.0.2.0/24")), leafFor("example.com"))).isEmpty();
        }

        @Test
        void applyingDoesNotChangeTheEarlierState() throws Exception {
            NameConstraintsState before = permitting(TestCerts.dns("example.com"));
            before.apply(cert("CN=Lower").issuer("CN=Constrained CA").permits(TestCerts.dns("a.example.com")).build());
            assertThat(leaf(before, leafFor("b.example.com"))).isEmpty();
        }
    }

    @Nested
    class SelfIssuedAndCommonNames {
        @Test
        void aSelfIssuedIntermediateIsNotCheckedButASelfIssuedLeafIs() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dns("example.com"));
            X509Certificate rollover = cert("CN=Constrained CA").selfIssued().ca().dns("not-example.com").build();
            assertThat(s.violation(rollover, false)).isEmpty();
            assertThat(s.violation(rollover, true)).isPresent();
            X509Certificate other = cert("CN=Other CA").ca().dns("not-example.com").build();
            assertThat(s.violation(other, false)).as("an intermediate that is not self-issued is checked").isPresent();
        }

        @Test
        void aLeafWithoutSansHasItsHostLikeCommonNamesChecked() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dns("example.com"));
            assertThat(leaf(s, cert("CN=evil.com"))).hasValueSatisfying(m -> assertThat(m).contains("the common name 'evil.com'"));
            assertThat(leaf(s, cert("CN=www.example.com"))).isEmpty();
            assertThat(leaf(s, cert("CN=My Test Server"))).as("not a host name").isEmpty();
            assertThat(leaf(permitting(TestCerts.ip("10.0.0.0/8")), cert("CN=192.0.2.1"))).isPresent();
            assertThat(leaf(excluding(TestCerts.dns("xn--bcher-kva.example")), cert("CN=b\u00fccher.example")))
                    .as("a Unicode name is checked in its A-label form").isPresent();
        }

        @Test
        void commonNamesAreNotCheckedWhenThereAreSansOrOnCas() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dns("example.com"));
            assertThat(leaf(s, cert("CN=evil.com").ip("192.0.2.1"))).isEmpty();
            assertThat(s.violation(cert("CN=evil.com").ca().build(), false)).isEmpty();
        }
    }

    @Nested
    class Ip {
        @Test
        void addressesAreComparedUnderTheMask() throws Exception {
            NameConstraintsState s = permitting(TestCerts.ip("192.0.2.0/24"), TestCerts.ip("2001:db8::/32"));
            assertThat(leaf(s, cert("CN=leaf").ip("192.0.2.255", "2001:db8:1::5"))).isEmpty();
            assertThat(leaf(s, cert("CN=leaf").ip("192.0.3.1"))).contains(
                    "IP:192.0.3.1 is outside the permitted names (192.0.2.0/24, 2001:db8::/32) set by CN=Constrained CA");
            assertThat(leaf(s, cert("CN=leaf").ip("2001:db9::1"))).isPresent();
        }

        @Test
        void ipv4AndIpv6NeverMatchEachOther() throws Exception {
            assertThat(leaf(permitting(TestCerts.ip("192.0.2.0/24")), cert("CN=leaf").ip("::ffff:192.0.2.1"))).isPresent();
            assertThat(leaf(permitting(TestCerts.ip("::ffff:192.0.2.0/120")), cert("CN=leaf").ip("192.0.2.1"))).isPresent();
            assertThat(leaf(excluding(TestCerts.ip("::/0")), cert("CN=leaf").ip("192.0.2.1"))).isEmpty();
            assertThat(leaf(excluding(TestCerts.ip("0.0.0.0/0")), cert("CN=leaf").ip("192.0.2.1"))).isPresent();
        }

        @Test
        void anAddressOfTheWrongLengthIsRejectedWhenIpIsConstrained() throws Exception {
            TestCerts.Builder cidr = cert("CN=leaf").ip(new byte[] {(byte) 192, 0, 2, 0, (byte) 255, (byte) 255, (byte) 255, 0});
            assertThat(leaf(permitting(TestCerts.ip("192.0.2.0/24")), cidr))
                    .hasValueSatisfying(m -> assertThat(m).contains("must be 4 or 16 bytes"));
        }

        @Test
        void malformedIpConstraintsAreRefused() {
            byte[] noMask = {127, 0, 0, 1};
            byte[] holeyMask = {10, 0, 0, 0, (byte) 255, 0, (byte) 255, 0};
            byte[] oddLength = {10, 0, 0, 0, (byte) 255, 0, 0, 0, 0};
            assertThatThrownBy(() -> permitting(TestCerts.ipRaw(noMask))).hasMessageContaining("4 bytes");
            assertThatThrownBy(() -> permitting(TestCerts.ipRaw(holeyMask))).hasMessageContaining("not a prefix");
            assertThatThrownBy(() -> excluding(TestCerts.ipRaw(oddLength))).hasMessageContaining("9 bytes");
            assertThatThrownBy(() -> permitting(TestCerts.ipRaw(new byte[16]))).isInstanceOf(NameConstraintException.class);
        }
    }

    @Nested
    class Email {
        @Test
        void aMailboxConstraintIsThatMailboxOnly() throws Exception {
            NameConstraintsState s = permitting(TestCerts.email("Alice@Example.com"));
            assertThat(leaf(s, cert("CN=leaf").email("Alice@example.COM"))).as("domain ignores case").isEmpty();
            assertThat(leaf(s, cert("CN=leaf").email("alice@example.com"))).as("local part keeps case").isPresent();
            assertThat(leaf(s, cert("CN=leaf").email("Alice@sub.example.com"))).isPresent();
            assertThat(leaf(permitting(TestCerts.email("*@example.com")), cert("CN=leaf").email("user@example.com")))
                    .as("'*' is a literal character").isPresent();
        }

        @Test
        void aHostConstraintIsThatHostAndADotConstraintIsBelowIt() throws Exception {
            NameConstraintsState host = permitting(TestCerts.email("example.com"));
            assertThat(leaf(host, cert("CN=leaf").email("anyone@example.com"))).isEmpty();
            assertThat(leaf(host, cert("CN=leaf").email("anyone@sub.example.com"))).isPresent();
            NameConstraintsState below = permitting(TestCerts.email(".example.com"));
            assertThat(leaf(below, cert("CN=leaf").email("anyone@sub.example.com"))).isEmpty();
            assertThat(leaf(below, cert("CN=leaf").email("anyone@example.com"))).isPresent();
        }

        @Test
        void anExcludedHostAlsoExcludesTheHostsBelowIt() throws Exception {
            NameConstraintsState s = excluding(TestCerts.email("example.com"));
            assertThat(leaf(s, cert("CN=leaf").email("a@example.com"))).isPresent();
            assertThat(leaf(s, cert("CN=leaf").email("a@sub.example.com"))).isPresent();
            assertThat(leaf(s, cert("CN=leaf").email("a@example.org"))).isEmpty();
        }

        @Test
        void subjectEmailAddressAttributesCountAsEmailNames() throws Exception {
            NameConstraintsState s = permitting(TestCerts.email("example.com"));
            assertThat(leaf(s, cert("CN=leaf,E=someone@evil.com"))).hasValueSatisfying(
                    m -> assertThat(m).contains("the subject's emailAddress 'someone@evil.com'"));
            assertThat(leaf(s, cert("CN=leaf,E=someone@example.com"))).isEmpty();
        }

        @Test
        void malformedAddressesAndConstraintsAreRejected() throws Exception {
            assertThat(leaf(permitting(TestCerts.email("example.com")), cert("CN=leaf").email("invalid@address@example.com")))
                    .hasValueSatisfying(m -> assertThat(m).contains("not a valid email address"));
            assertThat(leaf(permitting(TestCerts.email("example.com")), cert("CN=leaf").email("example.com"))).isPresent();
            assertThatThrownBy(() -> permitting(TestCerts.email("invalid@invalid@example.com")))
                    .isInstanceOf(NameConstraintException.class);
            assertThatThrownBy(() -> permitting(TestCerts.email("ex ample.com"))).isInstanceOf(NameConstraintException.class);
        }
    }

    @Nested
    class Uri {
        @Test
        void aHostConstraintAppliesToTheUrisHost() throws Exception {
            NameConstraintsState s = permitting(TestCerts.uri("example.com"));
            assertThat(leaf(s, cert("CN=leaf").uri("https://example.com/path", "spiffe://EXAMPLE.com/svc",
                    "https://user@example.com:8443/?q#f"))).isEmpty();
            assertThat(leaf(s, cert("CN=leaf").uri("https://www.example.com/"))).as("a host, not a domain").isPresent();
            assertThat(leaf(s, cert("CN=leaf").uri("https://example.com.evil.org/"))).isPresent();
        }

        @Test
        void aDotConstraintIsTheHostsBelow() throws Exception {
            NameConstraintsState s = permitting(TestCerts.uri(".example.com"));
            assertThat(leaf(s, cert("CN=leaf").uri("https://a.b.example.com/"))).isEmpty();
            assertThat(leaf(s, cert("CN=leaf").uri("https://example.com/"))).isPresent();
        }

        @Test
        void anExcludedHostAlsoExcludesTheHostsBelowIt() throws Exception {
            assertThat(leaf(excluding(TestCerts.uri("example.com")), cert("CN=leaf").uri("https://www.example.com/"))).isPresent();
        }

        @Test
        void aUriWithoutAHostNameIsRejectedWhenUrisAreConstrained() throws Exception {
            NameConstraintsState s = excluding(TestCerts.uri("evil.com"));
            for (String u : new String[] {"urn:example:thing", "example.com", "https://192.0.2.1/", "https://[::1]/",
                    "https://a@b@example.com/", "https://ex%41mple.com/", "https://example.com:port/"}) {
                assertThat(leaf(s, cert("CN=leaf").uri(u))).as(u).hasValueSatisfying(m -> assertThat(m).contains("no host name"));
            }
            assertThat(leaf(excluding(TestCerts.dns("evil.com")), cert("CN=leaf").uri("urn:x"))).isEmpty();
        }
    }

    @Nested
    class DirectoryNames {
        @Test
        void theSubjectMustBeginWithAPermittedName() throws Exception {
            NameConstraintsState s = permitting(TestCerts.dir("C=US,O=Example"));
            assertThat(leaf(s, cert("C=US,O=Example,CN=leaf"))).isEmpty();
            assertThat(leaf(s, cert("C=US,O=EXAMPLE,CN=leaf"))).as("strings compare without case").isEmpty();
            assertThat(leaf(s, cert("C=US,O=Other,CN=leaf"))).hasValueSatisfying(m -> assertThat(m).contains("the subject"));
            assertThat(leaf(s, cert("C=US"))).as("shorter than the constraint").isPresent();
            assertThat(leaf(s, cert("O=Example,C=US,CN=leaf"))).as("order matters").isPresent();
        }

        @Test
        void anExcludedNameRejectsTheSubjectOrADirectoryNameSan() throws Exception {
            NameConstraintsState s = excluding(TestCerts.dir("CN=foo"));
            assertThat(leaf(s, cert("CN=foo"))).isPresent();
            assertThat(leaf(s, cert("CN=bar").dirName("CN=foo"))).isPresent();
            assertThat(leaf(s, cert("CN=bar").dirName("CN=baz"))).isEmpty();
        }

        @Test
        void anEmptySubjectIsNotChecked() throws Exception {
            assertThat(leaf(permitting(TestCerts.dir("O=Example")), cert("").dns("x.example"))).isEmpty();
        }
    }

    @Nested
    class FormsCertaCannotCheck {
        private NameConstraintsState excludingOtherName() throws NameConstraintException {
            return NameConstraintsState.unconstrained().apply(cert("CN=Constrained CA")
                    .constraints(new GeneralSubtree[] {TestCerts.dns("example.com")},
                            new GeneralSubtree[] {new GeneralSubtree(TestCerts.otherName())}).build());
        }

        @Test
        void aNameOfThatFormIsRejected() throws Exception {
            assertThat(leaf(excludingOtherName(), leafFor("example.com").san(TestCerts.otherName())))
                    .hasValueSatisfying(m -> assertThat(m).contains("otherName").contains("cannot check"));
        }

        @Test
        void aCertificateWithoutSuchANameIsFine() throws Exception {
            assertThat(leaf(excludingOtherName(), leafFor("example.com"))).isEmpty();
            assertThat(leaf(excludingOtherName(), leafFor("evil.com"))).as("the DNS part still applies").isPresent();
        }

        @Test
        void otherFormsInTheCertificateAreFineWhenUnconstrained() throws Exception {
            assertThat(leaf(permitting(TestCerts.dns("example.com")), leafFor("example.com").san(TestCerts.registeredId())))
                    .isEmpty();
            assertThat(leaf(permitting(new GeneralSubtree(TestCerts.registeredId())), leafFor("evil.com"))).isEmpty();
        }
    }

    @Nested
    class MalformedExtensions {
        private NameConstraintsState applyRaw(ASN1Encodable value) throws NameConstraintException {
            return NameConstraintsState.unconstrained().apply(cert("CN=Broken CA").rawConstraints(value).build());
        }

        @Test
        void anExtensionWithoutSubtreesIsRefused() {
            assertThatThrownBy(() -> applyRaw(new DERSequence())).hasMessageContaining("neither permitted nor excluded");
            assertThatThrownBy(() -> applyRaw(new DERSequence(new ASN1Encodable[] {
                    new DERTaggedObject(false, 0, new DERSequence()), new DERTaggedObject(false, 1, new DERSequence())})))
                    .hasMessageContaining("empty list of permitted names");
        }

        @Test
        void minimumAndMaximumAreRefused() {
            GeneralName base = new GeneralName(GeneralName.dNSName, new DERIA5String("example.com"));
            assertThatThrownBy(() -> NameConstraintsState.unconstrained().apply(cert("CN=Broken CA")
                    .permits(new GeneralSubtree(base, java.math.BigInteger.ONE, null)).build()))
                    .hasMessageContaining("minimum or maximum");
            assertThatThrownBy(() -> NameConstraintsState.unconstrained().apply(cert("CN=Broken CA")
                    .permits(new GeneralSubtree(base, java.math.BigInteger.ZERO, java.math.BigInteger.TEN)).build()))
                    .hasMessageContaining("minimum or maximum");
        }

        @Test
        void undecodableExtensionsAreRefused() {
            assertThatThrownBy(() -> applyRaw(DERNull.INSTANCE)).hasMessageContaining("cannot be decoded");
            assertThatThrownBy(() -> applyRaw(new DERSequence(new DERTaggedObject(false, 2, new DERSequence()))))
                    .hasMessageContaining("cannot be decoded");
            assertThatThrownBy(() -> applyRaw(new DERSequence(new DERTaggedObject(false, 0,
                    new DERSequence(new ASN1Integer(5)))))).hasMessageContaining("cannot be decoded");
        }

        @Test
        void anUndecodableSubjectAltNameIsAViolationEvenUnconstrained() {
            X509Certificate c = cert("CN=leaf").rawSan(new byte[] {0x30, 0x03, (byte) 0x8a, 0x01, 0x41}).build();
            assertThat(NameConstraintsState.unconstrained().violation(c, true))
                    .contains("the subject alternative name extension cannot be decoded");
        }
    }
}
