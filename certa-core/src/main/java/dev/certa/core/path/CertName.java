package dev.certa.core.path;

import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One name a certificate claims, in the form name constraints are checked in. A name that is malformed
 * (a DNS name with a space, an 8-byte IP address, an address with two '@') is kept, with its checkable
 * value null, so that a constraint on its form rejects it rather than skipping it.
 */
@NullMarked
sealed interface CertName {
    NameForm form();

    /** How to show the name in a message: "DNS:evil.com", "the common name 'evil.com'…". */
    String shown();

    /** Whether the name is well-formed enough to be compared with a constraint of its form. */
    boolean checkable();

    /** Why an unchecked name cannot be compared, for messages. */
    String whyUncheckable();

    /** A dNSName, or a DNS-like common name; {@code name} is lower case, possibly "*.rest". */
    record Dns(String shown, @Nullable String name) implements CertName {
        @Override public NameForm form() { return NameForm.DNS; }
        @Override public boolean checkable() { return name != null; }
        @Override public String whyUncheckable() { return "it is not a valid host name"; }
    }

    /** An iPAddress (or an IP address written where another form was expected); 4 or 16 bytes when checkable. */
    record Ip(String shown, byte @Nullable [] address) implements CertName {
        @Override public NameForm form() { return NameForm.IP; }
        @Override public boolean checkable() { return address != null; }
        @Override public String whyUncheckable() { return "an IP address must be 4 or 16 bytes"; }
    }

    /** An rfc822Name or a subject emailAddress attribute. */
    record Email(String shown, @Nullable Mailbox mailbox) implements CertName {
        @Override public NameForm form() { return NameForm.EMAIL; }
        @Override public boolean checkable() { return mailbox != null; }
        @Override public String whyUncheckable() { return "it is not a valid email address"; }
    }

    /** A uniformResourceIdentifier; {@code host} is its lower-case host name. */
    record Uri(String shown, @Nullable String host) implements CertName {
        @Override public NameForm form() { return NameForm.URI; }
        @Override public boolean checkable() { return host != null; }
        @Override public String whyUncheckable() {
            return "it has no host name (a URI constraint applies to the host, and an IP address or a URI"
                    + " without '//' has none)";
        }
    }

    /** The subject, or a directoryName. */
    record Directory(String shown, X500Name name) implements CertName {
        @Override public NameForm form() { return NameForm.DIRECTORY; }
        @Override public boolean checkable() { return true; }
        @Override public String whyUncheckable() { return ""; }
    }

    /** A name of a form certa does not check (otherName, x400Address, ediPartyName, registeredID). */
    record Other(NameForm form, String shown) implements CertName {
        @Override public boolean checkable() { return false; }
        @Override public String whyUncheckable() { return "certa cannot check " + form.label() + " names"; }
    }
}
