package dev.certa.server.va;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CAA (RFC 8659, with RFC 8657's account and method binding): a domain's holder publishes which CAs
 * may issue for it, e.g. {@code example.com. CAA 0 issue "certa.internal; validationmethods=dns-01"}.
 *
 * <p>The relevant record set for {@code www.shop.example.com} is the first non-empty one found
 * climbing the tree: {@code www.shop.example.com}, {@code shop.example.com}, {@code example.com},
 * {@code com}. None anywhere: any CA may issue. Otherwise, for a name, the {@code issue} properties
 * decide; for a wildcard, the {@code issuewild} ones if there are any, else the {@code issue} ones. A
 * set with none of those (only {@code iodef}, say) does not restrict issuance. Issuance is allowed when
 * one property names one of this CA's identities and its parameters allow it: {@code accounturi} must
 * be the URL of the account asking, and {@code validationmethods} must list the challenge type used.
 * Any other parameter is ignored, a malformed value names no CA, and {@code ";"} names none at all.
 *
 * <p>Failing closed: a critical property (flag 128) this CA does not understand forbids issuance, and
 * so does a lookup that fails (SERVFAIL, timeout), as the records it would have returned could forbid it.
 * IP identifiers have no CAA (RFC 8738 section 7 leaves it undefined) and are not checked.
 */
final class CaaChecker {
    /** Tags whose meaning certa knows; only {@code issue} and {@code issuewild} restrict what it issues. */
    private static final Set<String> UNDERSTOOD = Set.of("issue", "issuewild", "iodef", "issuemail", "contactemail", "contactphone");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*)[ \\t]*=[ \\t]*([\\x21-\\x3a\\x3c-\\x7e]*)");
    private final DnsClient dns;
    private final List<String> identities;

    CaaChecker(DnsClient dns, List<String> identities) {
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("a CA needs at least one CAA identity (an issuer domain name)");
        }
        this.dns = dns;
        this.identities = identities.stream().map(CaaChecker::normalized).toList();
    }

    /**
     * Whether CAA lets this CA issue for {@code identifier} to the account {@code accountUri}, which
     * proved control by {@code method}: valid, or invalid with {@code caa} (forbidden) or {@code dns}
     * (the records could not be read).
     */
    ValidationOutcome check(String identifier, String method, String accountUri) {
        if (identifier.startsWith("ip:")) {
            return new ValidationOutcome.Valid();
        }
        String value = identifier.substring(identifier.indexOf(':') + 1);
        boolean wildcard = value.startsWith("*.");
        String name = normalized(wildcard ? value.substring(2) : value);
        for (String at = name; !at.isEmpty(); at = parent(at)) {
            List<DnsClient.Caa> set;
            try {
                set = dns.caa(at);
            } catch (DnsClient.DnsFailure e) {
                return new ValidationOutcome.Invalid("dns", "the CAA records of " + at + " could not be read (" + e.getMessage()
                        + "); certa does not issue for " + value + " without knowing whether CAA allows it. Try again later",
                        e.retryable());
            }
            if (!set.isEmpty()) {
                return evaluate(set, at, value, wildcard, method, accountUri);
            }
        }
        return new ValidationOutcome.Valid();
    }

    /** The decision for the relevant record set {@code set}, found at {@code at}. */
    ValidationOutcome evaluate(List<DnsClient.Caa> set, String at, String value, boolean wildcard, String method, String accountUri) {
        for (DnsClient.Caa p : set) {
            if (p.critical() && !UNDERSTOOD.contains(p.tag().toLowerCase(Locale.ROOT))) {
                return ValidationOutcome.invalid("caa", "the CAA record at " + at + " (" + p + ") is marked critical, and certa"
                        + " does not understand the property '" + p.tag() + "'; it does not issue for " + value + " while it is there");
            }
        }
        List<DnsClient.Caa> relevant = properties(set, "issue");
        if (wildcard && !properties(set, "issuewild").isEmpty()) {
            relevant = properties(set, "issuewild");
        }
        if (relevant.isEmpty()) {
            return new ValidationOutcome.Valid();
        }
        List<String> why = new ArrayList<>();
        for (DnsClient.Caa p : relevant) {
            Optional<String> refusal = refusal(p, method, accountUri);
            if (refusal.isEmpty()) {
                return new ValidationOutcome.Valid();
            }
            why.add(refusal.get());
        }
        return ValidationOutcome.invalid("caa", "the CAA records at " + at + " do not let certa (" + String.join(", ", identities)
                + ") issue for " + value + ": " + String.join("; ", why) + ". To allow it, publish e.g. " + at + " CAA 0 "
                + (wildcard ? "issuewild" : "issue") + " \"" + identities.getFirst() + "\"");
    }

    /** Why {@code p} does not let this CA issue, or empty if it does. */
    private Optional<String> refusal(DnsClient.Caa p, String method, String accountUri) {
        Optional<IssueValue> parsed = IssueValue.parse(p.value());
        if (parsed.isEmpty()) {
            return Optional.of(p + " is malformed and names no CA");
        }
        IssueValue v = parsed.get();
        if (v.issuer().isEmpty()) {
            return Optional.of(p + " lets no CA issue");
        }
        if (!identities.contains(normalized(v.issuer()))) {
            return Optional.of(p + " names another CA");
        }
        String uri = v.parameters().get("accounturi");
        if (uri != null && !uri.equals(accountUri)) {
            return Optional.of(p + " lets only the account " + uri + " obtain certificates, not " + accountUri);
        }
        String methods = v.parameters().get("validationmethods");
        if (methods != null && Arrays.stream(methods.split(",")).map(String::strip).noneMatch(method::equals)) {
            return Optional.of(p + " allows only validation by " + methods + ", not " + method);
        }
        return Optional.empty();
    }

    private static List<DnsClient.Caa> properties(List<DnsClient.Caa> set, String tag) {
        return set.stream().filter(p -> p.tag().equalsIgnoreCase(tag)).toList();
    }

    private static String parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String normalized(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /**
     * The value of an {@code issue}/{@code issuewild} property (RFC 8659 section 4.2):
     * {@code [issuer-domain-name] [; tag=value [; tag=value ...]]}.
     *
     * @param issuer empty when the value names no CA ({@code ";"})
     */
    record IssueValue(String issuer, Map<String, String> parameters) {
        static Optional<IssueValue> parse(String value) {
            int semicolon = value.indexOf(';');
            String issuer = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
            if (!issuer.isEmpty() && !DOMAIN.matcher(issuer).matches()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            if (semicolon >= 0) {
                for (String part : value.substring(semicolon + 1).split(";", -1)) {
                    String text = part.strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    Matcher m = PARAMETER.matcher(text);
                    if (!m.matches() || parameters.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2)) != null) {
                        return Optional.empty(); // malformed, or a parameter given twice
                    }
                }
            }
            return Optional.of(new IssueValue(issuer, parameters));
        }
    }
}
