package dev.certa.core.path;

import dev.certa.core.name.DistinguishedNames;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One subtree of a name constraints extension, of a form certa can check. Two questions are asked of
 * it: as a <em>permitted</em> subtree, does it hold every name a presented name stands for
 * ({@link #permits}); as an <em>excluded</em> subtree, could it hold any of them ({@link #excludes}).
 * The two differ for wildcard DNS names, and for email and URI host constraints, where readings of RFC
 * 5280 differ (does "example.com" hold only that host, or its subdomains too?): certa permits the
 * narrow reading and excludes the wide one, so an ambiguity never lets a name through.
 */
@NullMarked
sealed interface Constraint {
    NameForm form();

    /** The constraint as written, for messages: "example.com", "192.0.2.0/24", "CN=foo". */
    String text();

    /** Every name {@code name} stands for is inside this subtree. Only called with checkable names of this form. */
    boolean permits(CertName name);

    /** Some name {@code name} may stand for is inside this subtree. Only called with checkable names of this form. */
    boolean excludes(CertName name);

    /** A dNSName subtree: {@code base} and every name below it; the empty base is every DNS name. */
    record Dns(String base) implements Constraint {
        @Override
        public NameForm form() {
            return NameForm.DNS;
        }

        @Override
        public String text() {
            return base.isEmpty() ? "every DNS name" : base;
        }

        @Override
        public boolean permits(CertName name) {
            return name instanceof CertName.Dns d && d.name() != null && NameMatching.dnsAllWithin(d.name(), base);
        }

        @Override
        public boolean excludes(CertName name) {
            return name instanceof CertName.Dns d && d.name() != null && NameMatching.dnsAnyWithin(d.name(), base);
        }
    }

    /** An iPAddress subtree: a network and a contiguous mask of the same length (4+4 or 16+16 bytes). */
    record Ip(byte[] network, byte[] mask) implements Constraint {
        public Ip {
            network = network.clone();
            mask = mask.clone();
        }

        @Override
        public NameForm form() {
            return NameForm.IP;
        }

        @Override
        public String text() {
            return IpText.formatRange(network, mask);
        }

        @Override
        public boolean permits(CertName name) {
            return name instanceof CertName.Ip ip && ip.address() != null && NameMatching.ipWithin(ip.address(), network, mask);
        }

        @Override
        public boolean excludes(CertName name) {
            return permits(name);
        }
    }

    /** The kinds of email and URI constraint. */
    enum HostScope {
        /** The empty constraint: every name of the form. */
        EVERY,
        /** "local@example.com" (email only): that one mailbox. */
        MAILBOX,
        /** "example.com": names at that host (excluded: also below it). */
        HOST,
        /** ".example.com": names at any host below example.com, not at example.com itself. */
        BELOW
    }

    /** An rfc822Name subtree. {@code host} is lower case, without the leading '.' of a {@link HostScope#BELOW}. */
    record Email(String text, HostScope scope, @Nullable Mailbox mailbox, String host) implements Constraint {
        @Override
        public NameForm form() {
            return NameForm.EMAIL;
        }

        @Override
        public boolean permits(CertName name) {
            return name instanceof CertName.Email e && e.mailbox() != null && matches(e.mailbox(), false);
        }

        @Override
        public boolean excludes(CertName name) {
            return name instanceof CertName.Email e && e.mailbox() != null && matches(e.mailbox(), true);
        }

        private boolean matches(Mailbox m, boolean wide) {
            return switch (scope) {
                case EVERY -> true;
                case MAILBOX -> m.equals(mailbox);
                case HOST -> m.domain().equals(host) || (wide && m.domain().endsWith("." + host));
                case BELOW -> m.domain().endsWith("." + host);
            };
        }
    }

    /** A uniformResourceIdentifier subtree, on the URI's host. {@code scope} is never MAILBOX. */
    record Uri(String text, HostScope scope, String host) implements Constraint {
        @Override
        public NameForm form() {
            return NameForm.URI;
        }

        @Override
        public boolean permits(CertName name) {
            return name instanceof CertName.Uri u && u.host() != null && matches(u.host(), false);
        }

        @Override
        public boolean excludes(CertName name) {
            return name instanceof CertName.Uri u && u.host() != null && matches(u.host(), true);
        }

        private boolean matches(String h, boolean wide) {
            return switch (scope) {
                case EVERY -> true;
                case MAILBOX -> false;
                case HOST -> h.equals(host) || (wide && h.endsWith("." + host));
                case BELOW -> h.endsWith("." + host);
            };
        }
    }

    /** A directoryName subtree: names whose RDN sequence begins with {@code base}'s. */
    record Directory(X500Name base) implements Constraint {
        @Override
        public NameForm form() {
            return NameForm.DIRECTORY;
        }

        @Override
        public String text() {
            return DistinguishedNames.display(base);
        }

        @Override
        public boolean permits(CertName name) {
            return name instanceof CertName.Directory d && NameMatching.dnWithin(d.name(), base);
        }

        @Override
        public boolean excludes(CertName name) {
            return permits(name);
        }
    }
}
