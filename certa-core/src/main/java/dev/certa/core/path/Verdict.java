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
