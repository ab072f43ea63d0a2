package dev.certa.core.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "is this chain trusted, for this purpose and name, at this instant?".
 *
 * <p>When trusted, {@link #path()} is the path that validated, {@link #problems()} is empty and
 * {@link #warnings()} lists what should still be fixed. When not trusted, {@link #path()} is the path
 * that came closest (it may end at a certificate no store holds) and {@link #problems()} says why it
 * fails, each problem naming a certificate, a check and a fix.
 *
 * @param trustedBy the trust store holding the anchor of the validated path (empty when not trusted)
 * @param storesSearched the names of the trust stores asked, in order
 * @param path leaf first, anchor (or last certificate reached) last
 */
public record Verdict(
        boolean trusted,
        Optional<String> trustedBy,
        List<String> storesSearched,
        List<PathLink> path,
        List<Finding> problems,
        List<Finding> warnings) {

    public Verdict {
        Objects.requireNonNull(trustedBy);
        storesSearched = List.copyOf(storesSearched);
        path = List.copyOf(path);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if (trusted && !problems.isEmpty()) {
            throw new IllegalArgumentException("a trusted verdict has no problems");
        }
        if (!trusted && problems.isEmpty()) {
            throw new IllegalArgumentException("an untrusted verdict names at least one problem");
        }
        if (trusted != trustedBy.isPresent()) {
            throw new IllegalArgumentException("a trusted verdict names its store, an untrusted one none");
        }
    }

    /**
     * This verdict with more findings: {@code moreProblems} are added to the problems (any makes the
     * verdict untrusted, as a revoked certificate does), {@code moreWarnings} to the warnings, and the
     * status of each link on the path follows the findings that name its position.
     */
    public Verdict withFindings(List<Finding> moreProblems, List<Finding> moreWarnings) {
        if (moreProblems.isEmpty() && moreWarnings.isEmpty()) {
            return this;
        }
        List<Finding> p = new ArrayList<>(problems);
        moreProblems.stream().filter(f -> !p.contains(f)).forEach(p::add);
        List<Finding> w = new ArrayList<>(warnings);
        moreWarnings.stream().filter(f -> !w.contains(f)).forEach(w::add);
        List<PathLink> links = new ArrayList<>(path.size());
        for (PathLink l : path) {
            PathLink.Status s = names(p, l.position()) ? PathLink.Status.FAILED
                    : l.status() == PathLink.Status.OK && names(w, l.position()) ? PathLink.Status.WARNING : l.status();
            links.add(new PathLink(l.position(), l.certificate(), l.subject(), l.role(), l.store(), s));
        }
        boolean stillTrusted = trusted && moreProblems.isEmpty();
        return new Verdict(stillTrusted, stillTrusted ? trustedBy : Optional.empty(), storesSearched, links, p, w);
    }

    private static boolean names(List<Finding> findings, int position) {
        return findings.stream().anyMatch(f -> f.position().isPresent() && f.position().getAsInt() == position);
    }

    /** Problems first, then warnings. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(problems);
        all.addAll(warnings);
        return all;
    }

    /** One line: "trusted by system (3 certificates)" or the first problem's message. */
    public String summary() {
        if (trusted) {
            return "trusted by " + trustedBy.orElseThrow() + " (" + path.size() + " certificates)";
        }
        return "not trusted: " + problems.get(0).message();
    }
}
