package dev.certa.core.path;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certa.core.name.SubjectAltName;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The name-constraint and peer-name cases of x509-limbo, run through {@link NameConstraintsState} and
 * {@link HostnameMatcher} only: the chain is built by issuer name (signatures decide between look-alike
 * issuers), constraints are applied from the trust anchor down, every certificate below the anchor is
 * checked, then the peer name. A case passes when that verdict is limbo's expected result.
 *
 * <p>Scope: bettertls::nameconstraints::*, every *::nc::* case, webpki::san::*, webpki::cn::* and
 * rfc5280::san::*. A few expected failures come from checks that belong to the path validator, not to
 * names (listed in {@link #OTHER_CHECKS}); they are counted apart, not as agreement.
 */
@org.junit.jupiter.api.Tag("slow")
class LimboNameCasesTest {
    /** Optional limbo features certa does not implement, or chooses the other side of. */
    private static final Map<String, String> SKIPPED_FEATURES = Map.of(
            "rfc5280-incompatible-with-webpki", "certa follows the web PKI here: name constraints need not be critical",
            "pedantic-public-suffix-wildcard", "needs the public suffix list");

    /** Expected failures that another check of the path validator produces; names alone accept them. */
    static final Map<String, String> OTHER_CHECKS = Map.of(
            "rfc5280::nc::not-allowed-in-ee-critical", "name constraints extension in an end-entity certificate",
            "rfc5280::nc::not-allowed-in-ee-noncritical", "name constraints extension in an end-entity certificate",
            "rfc5280::san::noncritical-with-empty-subject", "SAN must be critical when the subject is empty",
            "webpki::san::san-critical-with-nonempty-subject", "SAN must not be critical when the subject is not empty");

    private static final String LIMBO_DEFAULT_CN = "limbo's leaf has the default CN=example.com, which is not one of its"
            + " SANs; webpki::cn::* expects exactly that to fail (CA/Browser Forum BR 7.1.4.3), so limbo contradicts itself";

    /**
     * Cases where certa's verdict differs from limbo's on purpose; see the reasons. Asserted exactly, so a
     * new disagreement fails the test and so does a fixed one (update the list).
     */
    static final Map<String, String> KNOWN_WRONG_REJECTS = Map.of(
            "webpki::nc::nc-permits-dns-san-pattern", LIMBO_DEFAULT_CN,
            "webpki::san::exact-localhost-ip-san", LIMBO_DEFAULT_CN,
            "webpki::san::leftmost-wildcard-san", LIMBO_DEFAULT_CN);

    enum Outcome { AGREE, WRONG_ACCEPT, WRONG_REJECT, OTHER_CHECK, SKIPPED }

    @Test
    void nameCasesAgreeWithLimbo() throws Exception {
        JsonNode cases = dev.certa.core.path.limbo.LimboBundle.testcases();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Map<String, X509Certificate> parsed = new HashMap<>();
        Map<String, Map<Outcome, Integer>> counts = new TreeMap<>();
        List<String> wrongAccepts = new ArrayList<>();
        Map<String, String> wrongRejects = new TreeMap<>();
        Map<String, Map<Stage, Integer>> rejectedBy = new TreeMap<>();
        StringBuilder details = new StringBuilder();
        int considered = 0;
        for (JsonNode tc : cases) {
            String id = tc.get("id").asText();
            if (!inScope(id)) {
                continue;
            }
            considered++;
            String family = id.substring(0, id.indexOf("::", id.indexOf("::") + 2));
            Outcome outcome;
            Optional<String> skip = skipReason(tc);
            if (skip.isPresent()) {
                outcome = Outcome.SKIPPED;
            } else {
                Verdict v = judge(tc, id, cf, parsed);
                boolean expectSuccess = tc.get("expected_result").asText().equals("SUCCESS");
                if (!v.ok()) {
                    rejectedBy.computeIfAbsent(family, f -> new TreeMap<>()).merge(v.stage(), 1, Integer::sum);
                }
                if (!id.startsWith("bettertls::")) {
                    details.append("    ").append(id).append(" expected ").append(expectSuccess ? "SUCCESS" : "FAILURE")
                            .append(", certa ").append(v.ok() ? "accepts" : "rejects (" + v.stage() + ": " + v.reason() + ")")
                            .append('\n');
                }
                if (v.ok() == expectSuccess) {
                    outcome = Outcome.AGREE;
                } else if (v.ok() && OTHER_CHECKS.containsKey(id)) {
                    outcome = Outcome.OTHER_CHECK;
                } else if (v.ok()) {
                    outcome = Outcome.WRONG_ACCEPT;
                    wrongAccepts.add(id);
                } else {
                    outcome = Outcome.WRONG_REJECT;
                    wrongRejects.put(id, v.reason());
                }
            }
            counts.computeIfAbsent(family, f -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        StringBuilder report = new StringBuilder("x509-limbo name cases (" + considered + "):\n");
        counts.forEach((f, c) -> report.append("  ").append(f).append(' ').append(c)
                .append(", rejected by ").append(rejectedBy.getOrDefault(f, Map.of())).append('\n'));
        wrongRejects.forEach((id, why) -> report.append("  wrong reject ").append(id).append(": ").append(why).append('\n'));
        wrongAccepts.forEach(id -> report.append("  WRONG ACCEPT ").append(id).append('\n'));
        System.out.println(report + "  per case (all but bettertls):\n" + details);

        assertThat(considered).as("cases in scope").isGreaterThan(9_500);
        assertThat(counts.get("bettertls::nameconstraints").get(Outcome.AGREE)).as(report.toString()).isEqualTo(9_491);
        assertThat(wrongAccepts).as(report.toString()).isEmpty();
        assertThat(wrongRejects.keySet()).as(report.toString()).isEqualTo(KNOWN_WRONG_REJECTS.keySet());
    }

    private static boolean inScope(String id) {
        return id.startsWith("bettertls::nameconstraints::") || id.contains("::nc::") || id.startsWith("webpki::san::")
                || id.startsWith("webpki::cn::") || id.startsWith("rfc5280::san::");
    }

    private static Optional<String> skipReason(JsonNode tc) {
        for (JsonNode f : tc.get("features")) {
            if (SKIPPED_FEATURES.containsKey(f.asText())) {
                return Optional.of(SKIPPED_FEATURES.get(f.asText()));
            }
        }
        return Optional.empty();
    }

    /** Which step decided a rejection. */
    enum Stage { NONE, PARSE, CHAIN, NAME_CONSTRAINTS, PEER_NAME, COMMON_NAME }

    record Verdict(boolean ok, Stage stage, String reason) {
        static Verdict accept() {
            return new Verdict(true, Stage.NONE, "");
        }

        static Verdict reject(Stage stage, String reason) {
            return new Verdict(false, stage, reason);
        }
    }

    private static Verdict judge(JsonNode tc, String id, CertificateFactory cf, Map<String, X509Certificate> parsed) {
        X509Certificate leaf;
        List<X509Certificate> trusted = new ArrayList<>();
        List<X509Certificate> pool = new ArrayList<>();
        try {
            leaf = cert(tc.get("peer_certificate").asText(), cf, parsed);
            for (JsonNode p : tc.get("trusted_certs")) {
                trusted.add(cert(p.asText(), cf, parsed));
            }
            for (JsonNode p : tc.get("untrusted_intermediates")) {
                pool.add(cert(p.asText(), cf, parsed));
            }
        } catch (CertificateException e) {
            return Verdict.reject(Stage.PARSE, "a certificate cannot be parsed: " + e.getMessage());
        }
        List<List<X509Certificate>> chains = new ArrayList<>();
        List<X509Certificate> start = new ArrayList<>(List.of(leaf));
        extend(start, trusted, pool, chains);
        if (chains.isEmpty()) {
            return Verdict.reject(Stage.CHAIN, "no chain by issuer name");
        }
        String reason = "";
        boolean namesOk = false;
        for (List<X509Certificate> chain : chains) {
            Optional<String> problem = namesProblem(chain);
            if (problem.isEmpty()) {
                namesOk = true;
                break;
            }
            reason = problem.get();
        }
        if (!namesOk) {
            return Verdict.reject(Stage.NAME_CONSTRAINTS, reason);
        }
        for (SubjectAltName peer : peerNames(tc)) {
            if (!HostnameMatcher.matches(leaf, peer)) {
                return Verdict.reject(Stage.PEER_NAME, "not valid for " + peer + "; valid for " + HostnameMatcher.presentedNames(leaf));
            }
        }
        if (id.startsWith("webpki::")) {
            Optional<String> cn = HostnameMatcher.commonNameProblem(leaf);
            if (cn.isPresent()) {
                return Verdict.reject(Stage.COMMON_NAME, cn.get());
            }
        }
        return Verdict.accept();
    }

    /** Applies constraints from the anchor (last) down and checks each certificate below it. */
    static Optional<String> namesProblem(List<X509Certificate> leafFirst) {
        NameConstraintsState state = NameConstraintsState.unconstrained();
        for (int i = leafFirst.size() - 1; i >= 0; i--) {
            X509Certificate c = leafFirst.get(i);
            if (i < leafFirst.size() - 1) {
                Optional<String> v = state.violation(c, i == 0);
                if (v.isPresent()) {
                    return v;
                }
            }
            if (i > 0) {
                try {
                    state = state.apply(c);
                } catch (NameConstraintException e) {
                    return Optional.of(e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static void extend(List<X509Certificate> path, List<X509Certificate> trusted, List<X509Certificate> pool,
            List<List<X509Certificate>> out) {
        X509Certificate last = path.get(path.size() - 1);
        List<X509Certificate> candidates = new ArrayList<>();
        for (X509Certificate c : concat(trusted, pool)) {
            if (c.getSubjectX500Principal().equals(last.getIssuerX500Principal()) && !path.contains(c) && !candidates.contains(c)) {
                candidates.add(c);
            }
        }
        if (candidates.size() > 1) {
            candidates.removeIf(c -> !signedBy(last, c));
        }
        for (X509Certificate c : candidates) {
            List<X509Certificate> next = new ArrayList<>(path);
            next.add(c);
            if (trusted.contains(c)) {
                out.add(next);
            } else if (next.size() < 8) {
                extend(next, trusted, pool, out);
            }
        }
    }

    private static List<X509Certificate> concat(List<X509Certificate> a, List<X509Certificate> b) {
        List<X509Certificate> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<SubjectAltName> peerNames(JsonNode tc) {
        List<SubjectAltName> out = new ArrayList<>();
        JsonNode one = tc.get("expected_peer_name");
        if (one != null && !one.isNull()) {
            out.add(peer(one));
        }
        for (JsonNode n : tc.get("expected_peer_names")) {
            out.add(peer(n));
        }
        return out;
    }

    private static SubjectAltName peer(JsonNode n) {
        SubjectAltName.Type type = switch (n.get("kind").asText()) {
            case "DNS" -> SubjectAltName.Type.DNS;
            case "IP" -> SubjectAltName.Type.IP;
            case "RFC822" -> SubjectAltName.Type.EMAIL;
            default -> throw new IllegalArgumentException("peer name kind " + n.get("kind"));
        };
        return new SubjectAltName(type, n.get("value").asText());
    }

    private static X509Certificate cert(String pem, CertificateFactory cf, Map<String, X509Certificate> cache)
            throws CertificateException {
        X509Certificate c = cache.get(pem);
        if (c == null) {
            c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            cache.put(pem, c);
        }
        return c;
    }
}
