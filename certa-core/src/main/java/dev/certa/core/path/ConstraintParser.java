package dev.certa.core.path;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Decodes and checks a name constraints extension (RFC 5280 §4.2.1.10). Anything certa could only
 * guess at is refused with a {@link NameConstraintException}: an extension with neither subtree list
 * or an empty one, minimum/maximum fields (which RFC 5280 forbids), a DNS constraint with a wildcard, a
 * leading or trailing dot or invalid characters, an IP constraint that is not 8 or 32 bytes or whose mask
 * is not a prefix, an email constraint that is not a mailbox, host or ".domain". Subtrees of forms certa
 * cannot check (otherName, x400Address, ediPartyName, registeredID) are not refused here: they are
 * reported in {@link Parsed#unsupported()} so that a certificate actually carrying such a name is
 * rejected, as RFC 5280 requires, while one without is not.
 */
@NullMarked
final class ConstraintParser {
    private ConstraintParser() {}

    /**
     * The extension's content.
     *
     * @param permitted null when the extension has no permittedSubtrees
     */
    record Parsed(@Nullable List<Constraint> permitted, List<Constraint> excluded, Set<NameForm> unsupported) {}

    /** Decodes the value of {@link java.security.cert.X509Certificate#getExtensionValue} for name constraints. */
    static Parsed parse(byte[] extensionValue, String ca) throws NameConstraintException {
        String undecodable = "the name constraints extension of " + ca + " cannot be decoded";
        GeneralSubtree[][] lists = new GeneralSubtree[2][];
        try {
            byte[] inner = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(extensionValue)).getOctets();
            int previousTag = -1;
            for (ASN1Encodable element : ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(inner))) {
                ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(element, BERTags.CONTEXT_SPECIFIC);
                int tag = tagged.getTagNo();
                if (tag > 1 || tag <= previousTag) {
                    throw new NameConstraintException(undecodable);
                }
                previousTag = tag;
                ASN1Sequence trees = ASN1Sequence.getInstance(tagged, false);
                lists[tag] = new GeneralSubtree[trees.size()];
                for (int i = 0; i < trees.size(); i++) {
                    lists[tag][i] = GeneralSubtree.getInstance(trees.getObjectAt(i));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new NameConstraintException(undecodable);
        }
        if (lists[0] == null && lists[1] == null) {
            throw new NameConstraintException("the name constraints extension of " + ca
                    + " lists neither permitted nor excluded names (RFC 5280 §4.2.1.10 forbids an empty extension)");
        }
        Set<NameForm> unsupported = EnumSet.noneOf(NameForm.class);
        List<Constraint> p = lists[0] == null ? null : subtrees(lists[0], "permitted", ca, unsupported);
        List<Constraint> x = lists[1] == null ? List.of() : subtrees(lists[1], "excluded", ca, unsupported);
        return new Parsed(p, x, Set.copyOf(unsupported));
    }

    private static List<Constraint> subtrees(GeneralSubtree[] trees, String which, String ca, Set<NameForm> unsupported)
            throws NameConstraintException {
        if (trees.length == 0) {
            throw new NameConstraintException("the name constraints extension of " + ca + " has an empty list of "
                    + which + " names (RFC 5280 §4.2.1.10 requires at least one)");
        }
        List<Constraint> out = new ArrayList<>();
        for (GeneralSubtree tree : trees) {
            try {
                BigInteger min = tree.getMinimum();
                if ((min != null && min.signum() != 0) || tree.getMaximum() != null) {
                    throw new NameConstraintException("a " + which + " name constraint of " + ca
                            + " uses the minimum or maximum fields, which RFC 5280 §4.2.1.10 forbids");
                }
                GeneralName base = tree.getBase();
                Optional<NameForm> form = NameForm.ofTag(base.getTagNo());
                if (form.isEmpty()) {
                    throw new NameConstraintException("a " + which + " name constraint of " + ca + " has an unknown name form");
                }
                if (!form.get().checkable()) {
                    unsupported.add(form.get());
                    continue;
                }
                out.add(constraint(form.get(), base, which, ca));
            } catch (RuntimeException e) {
                throw new NameConstraintException("a " + which + " name constraint of " + ca + " cannot be decoded");
            }
        }
        return List.copyOf(out);
    }

    private static Constraint constraint(NameForm form, GeneralName base, String which, String ca)
            throws NameConstraintException {
        String where = "the " + which + " " + form.label() + " name constraint ";
        return switch (form) {
            case DNS -> dns(ia5(base), where, ca);
            case IP -> ip(ASN1OctetString.getInstance(base.getName()).getOctets(), where, ca);
            case EMAIL -> email(ia5(base), where, ca);
            case URI -> uri(ia5(base), where, ca);
            case DIRECTORY -> new Constraint.Directory(X500Name.getInstance(base.getName()));
            default -> throw new IllegalStateException("not a checkable form: " + form);
        };
    }

    private static String ia5(GeneralName name) {
        return ASN1IA5String.getInstance(name.getName()).getString();
    }

    private static Constraint dns(String raw, String where, String ca) throws NameConstraintException {
        if (raw.isEmpty()) {
            return new Constraint.Dns("");
        }
        String shown = "'" + NameMatching.printable(raw) + "'";
        if (raw.startsWith(".")) {
            // OpenSSL and Go read ".example.com" as "subdomains only"; RFC 5280 defines the leading dot for
            // URI and email constraints only, and x509-limbo (rfc5280::nc::invalid-dnsname-leading-period) expects rejection.
            throw new NameConstraintException(where + shown + " of " + ca + " starts with a dot, which RFC 5280"
                    + " §4.2.1.10 does not allow for DNS names (\"example.com\" already covers every name below it)");
        }
        if (raw.contains("*")) {
            throw new NameConstraintException(where + shown + " of " + ca
                    + " contains a wildcard; a DNS name constraint is a domain (\"example.com\" covers every name below it)");
        }
        return new Constraint.Dns(NameMatching.checkableDnsName(raw, false).orElseThrow(
                () -> new NameConstraintException(where + shown + " of " + ca + " is not a valid DNS name")));
    }

    private static Constraint ip(byte[] octets, String where, String ca) throws NameConstraintException {
        if (octets.length != 8 && octets.length != 32) {
            throw new NameConstraintException(where + "of " + ca + " is " + octets.length
                    + " bytes; it must be an IPv4 address and mask (8 bytes) or an IPv6 address and mask (32 bytes)");
        }
        int half = octets.length / 2;
        byte[] network = java.util.Arrays.copyOfRange(octets, 0, half);
        byte[] mask = java.util.Arrays.copyOfRange(octets, half, octets.length);
        if (IpText.prefixLength(mask) < 0) {
            throw new NameConstraintException(where + IpText.formatRange(network, mask) + " of " + ca
                    + " has a mask that is not a prefix (its one bits must all come first)");
        }
        return new Constraint.Ip(network, mask);
    }

    private static Constraint email(String raw, String where, String ca) throws NameConstraintException {
        String shown = "'" + NameMatching.printable(raw) + "'";
        if (raw.isEmpty()) {
            return new Constraint.Email(raw, Constraint.HostScope.EVERY, null, "");
        }
        if (raw.indexOf('@') >= 0) {
            Mailbox m = Mailbox.parse(raw).orElseThrow(
                    () -> new NameConstraintException(where + shown + " of " + ca + " is not a valid email address"));
            return new Constraint.Email(raw, Constraint.HostScope.MAILBOX, m, m.domain());
        }
        boolean below = raw.startsWith(".");
        String host = NameMatching.checkableDnsName(below ? raw.substring(1) : raw, false).orElseThrow(
                () -> new NameConstraintException(where + shown + " of " + ca
                        + " is neither a mailbox, a host name nor a domain starting with '.'"));
        return new Constraint.Email(raw, below ? Constraint.HostScope.BELOW : Constraint.HostScope.HOST, null, host);
    }

    private static Constraint uri(String raw, String where, String ca) throws NameConstraintException {
        if (raw.isEmpty()) {
            return new Constraint.Uri(raw, Constraint.HostScope.EVERY, "");
        }
        boolean below = raw.startsWith(".");
        String host = NameMatching.checkableDnsName(below ? raw.substring(1) : raw, false).orElseThrow(
                () -> new NameConstraintException(where + "'" + NameMatching.printable(raw) + "' of " + ca
                        + " is neither a host name nor a domain starting with '.'"));
        return new Constraint.Uri(raw, below ? Constraint.HostScope.BELOW : Constraint.HostScope.HOST, host);
    }
}
