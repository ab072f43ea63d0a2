package dev.certa.core.path;

import dev.certa.core.name.DistinguishedNames;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.jspecify.annotations.NullMarked;

/**
 * RFC 5280 §6.1.3 (b)(c), §6.1.4 (g): permitted/excluded subtrees accumulated from the anchor down. Immutable.
 *
 * <p>A CA can carry a <em>name constraints</em> extension limiting the names that certificates below it
 * may claim: "only names under example.com" (permitted subtrees), "never bad.example.com or
 * 10.0.0.0/8" (excluded subtrees). The limits add up along a path: each CA's permitted subtrees narrow
 * what is permitted (an intersection), each CA's excluded subtrees add to what is excluded (a union),
 * and excluded wins over permitted. For example, with a root permitting {@code example.com} and an
 * intermediate excluding {@code bad.example.com}:
 *
 * <pre>{@code
 * NameConstraintsState s = NameConstraintsState.unconstrained().apply(root).apply(intermediate);
 * s.violation(leafFor("www.example.com"), true);  // empty: fine
 * s.violation(leafFor("bad.example.com"), true);  // "DNS:bad.example.com is within the excluded names (bad.example.com) set by CN=Intermediate"
 * s.violation(leafFor("evil.com"), true);         // "DNS:evil.com is outside the permitted names (example.com) set by CN=Root"
 * }</pre>
 *
 * <p>How each form is matched is described in {@link NameMatching} and {@link Constraint}. A form that no
 * CA above constrains is not checked; a certificate with no name of a constrained form is fine. Names
 * that are too malformed to compare (a DNS name with a space, a 5-byte IP address, a URI without a
 * host) are rejected when their form is constrained. Constraints of forms certa cannot evaluate
 * (otherName, x400Address, ediPartyName, registeredID) reject any certificate below that carries a name
 * of that form (RFC 5280: "process the constraint or reject the certificate"), critical or not.
 *
 * <p>The permitted subtrees are kept as one list per CA rather than intersected into one: a name must
 * fall within every list that constrains its form, which is the intersection without having to compute it.
 */
@NullMarked
public final class NameConstraintsState {
    private static final NameConstraintsState UNCONSTRAINED = new NameConstraintsState(List.of(), List.of(), List.of());

    /** The permitted subtrees of one CA; a name of a form listed here must fall within one of them. */
    private record Layer(String ca, List<Constraint> constraints) {
        List<Constraint> of(NameForm form) {
            return constraints.stream().filter(c -> c.form() == form).toList();
        }
    }

    private record Excluded(String ca, Constraint constraint) {}

    /** A CA constrained a form certa cannot check. */
    private record Unsupported(String ca, NameForm form) {}

    private final List<Layer> permitted;
    private final List<Excluded> excluded;
    private final List<Unsupported> unsupported;

    private NameConstraintsState(List<Layer> permitted, List<Excluded> excluded, List<Unsupported> unsupported) {
        this.permitted = List.copyOf(permitted);
        this.excluded = List.copyOf(excluded);
        this.unsupported = List.copyOf(unsupported);
    }

    public static NameConstraintsState unconstrained() {
        return UNCONSTRAINED;
    }

    /**
     * State after a CA certificate: intersect permitted, union excluded. Throws NameConstraintException on a
     * malformed/unsupported constraint extension (e.g. bad IP mask length, a leading-dot or wildcard DNS
     * constraint, an empty extension). A CA without the extension leaves the state as it is.
     */
    public NameConstraintsState apply(X509Certificate caCert) throws NameConstraintException {
        byte[] ext = caCert.getExtensionValue(Extension.nameConstraints.getId());
        if (ext == null) {
            return this;
        }
        String ca = describe(caCert);
        ConstraintParser.Parsed parsed = ConstraintParser.parse(ext, ca);
        List<Layer> p = new ArrayList<>(permitted);
        if (parsed.permitted() != null && !parsed.permitted().isEmpty()) {
            p.add(new Layer(ca, parsed.permitted()));
        }
        List<Excluded> x = new ArrayList<>(excluded);
        parsed.excluded().forEach(c -> x.add(new Excluded(ca, c)));
        List<Unsupported> u = new ArrayList<>(unsupported);
        parsed.unsupported().forEach(f -> u.add(new Unsupported(ca, f)));
        return new NameConstraintsState(p, x, u);
    }

    /**
     * Empty if {@code cert}'s names satisfy the state; else a plain-language reason naming the offending
     * name and the constraint, e.g. "DNS:evil.com is outside the permitted names (example.com) set by CN=…".
     * The names are the subject (as a directory name), its emailAddress attributes, every subject
     * alternative name, and, when {@code isLeaf} and the certificate has no subject alternative name
     * extension, common names that read as host names or IP addresses. A self-issued certificate that is
     * not the leaf is not checked (RFC 5280 §6.1.3 (b): CAs can roll keys over under constraints). A subject
     * alternative name extension that cannot be decoded is always a violation.
     */
    public Optional<String> violation(X509Certificate cert, boolean isLeaf) {
        if (!isLeaf && cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return Optional.empty();
        }
        CertificateNames.Names names = CertificateNames.of(cert, isLeaf);
        if (names.problem().isPresent()) {
            return names.problem();
        }
        for (CertName name : names.names()) {
            Optional<String> v = check(name);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** True if no CA has constrained any name so far. */
    public boolean isUnconstrained() {
        return permitted.isEmpty() && excluded.isEmpty() && unsupported.isEmpty();
    }

    private Optional<String> check(CertName name) {
        NameForm form = name.form();
        if (!form.checkable()) {
            return unsupported.stream().filter(u -> u.form() == form).findFirst()
                    .map(u -> name.shown() + " is of a form that " + u.ca() + " constrains (" + form.label()
                            + "), which certa cannot check; RFC 5280 requires rejecting the certificate");
        }
        Optional<String> constrainedBy = excluded.stream().filter(e -> e.constraint().form() == form).map(Excluded::ca)
                .findFirst().or(() -> permitted.stream().filter(l -> !l.of(form).isEmpty()).map(Layer::ca).findFirst());
        if (constrainedBy.isEmpty()) {
            return Optional.empty();
        }
        if (!name.checkable()) {
            return Optional.of(name.shown() + " cannot be checked against the " + form.label()
                    + " name constraints set by " + constrainedBy.get() + ": " + name.whyUncheckable());
        }
        for (Excluded e : excluded) {
            if (e.constraint().form() == form && e.constraint().excludes(name)) {
                return Optional.of(name.shown() + " is within the excluded names (" + e.constraint().text()
                        + ") set by " + e.ca());
            }
        }
        for (Layer layer : permitted) {
            List<Constraint> own = layer.of(form);
            if (!own.isEmpty() && own.stream().noneMatch(c -> c.permits(name))) {
                return Optional.of(name.shown() + " is outside the permitted names ("
                        + own.stream().map(Constraint::text).collect(Collectors.joining(", ")) + ") set by " + layer.ca());
            }
        }
        return Optional.empty();
    }

    private static String describe(X509Certificate ca) {
        return DistinguishedNames.display(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()));
    }

    /** The forms some CA above constrains, for diagnostics. */
    Set<NameForm> constrainedForms() {
        Set<NameForm> out = new java.util.TreeSet<>();
        permitted.forEach(l -> l.constraints().forEach(c -> out.add(c.form())));
        excluded.forEach(e -> out.add(e.constraint().form()));
        unsupported.forEach(u -> out.add(u.form()));
        return Set.copyOf(out);
    }

    @Override
    public String toString() {
        return "NameConstraintsState" + constrainedForms();
    }
}
