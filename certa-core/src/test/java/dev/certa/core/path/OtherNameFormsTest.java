package dev.certa.core.path;

import static dev.certa.core.path.ConstrainedCa.excluding;
import static dev.certa.core.path.ConstrainedCa.leaf;
import static dev.certa.core.path.ConstrainedCa.leafFor;
import static dev.certa.core.path.ConstrainedCa.permitting;
import static dev.certa.core.path.TestCerts.cert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Name constraints on email addresses, URIs and directory names, and on forms certa cannot check. */
class OtherNameFormsTest {

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
}
