package dev.certa.core.report;

import dev.certa.core.fetch.FetchBudget;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.path.Verdict;
import dev.certa.core.path.revocation.RevocationChecker;
import dev.certa.core.path.revocation.RevocationPolicy;
import dev.certa.core.path.revocation.RevocationResult;
import dev.certa.core.path.revocation.RevocationStatus;
import dev.certa.core.probe.Handshake;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "would a client trust this?", for a chain read from files or one a server sent.
 *
 * <p>A peer sends its own certificate (the leaf) first and then intermediates; a client builds a path
 * from the leaf to a root in its trust store and checks every link. The report holds what was
 * presented, in the order it came, the options it was judged by (instant, purpose, names, rules) and
 * the {@link Verdict}. For a probe it also holds the {@link Handshake}: version, cipher suite, a
 * stapled OCSP response, and whether the server asked for a client certificate or refused the client.
 *
 * @param name what the report is about, shown first: the host name checked, or the leaf's name
 * @param presented the certificates as given: leaf first, then the others in their order
 * @param revocation the revocation status found for each certificate checked (empty when not checked)
 */
public record TrustReport(String name, List<X509Certificate> presented, ValidationOptions options, Verdict verdict,
        Optional<Handshake> handshake, List<RevocationStatus> revocation) {

    public TrustReport {
        Objects.requireNonNull(name);
        presented = List.copyOf(presented);
        Objects.requireNonNull(options);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(handshake);
        revocation = List.copyOf(revocation);
    }

    /** A report without revocation checking. */
    public TrustReport(String name, List<X509Certificate> presented, ValidationOptions options, Verdict verdict,
            Optional<Handshake> handshake) {
        this(name, presented, options, verdict, handshake, List.of());
    }

    /** Validates {@code presented} (leaf first) against {@code stores}. */
    public static TrustReport ofChain(String name, List<X509Certificate> presented, List<TrustStore> stores,
            ValidationOptions options, PathValidator validator) {
        return ofChain(name, presented, stores, options, validator, Optional.empty());
    }

    /** As {@link #ofChain(String, List, List, ValidationOptions, PathValidator)}, fetching missing intermediates within {@code fetchMissing}. */
    public static TrustReport ofChain(String name, List<X509Certificate> presented, List<TrustStore> stores,
            ValidationOptions options, PathValidator validator, Optional<FetchBudget> fetchMissing) {
        Verdict v = validator.validateChain(presented, stores, options, fetchMissing);
        return new TrustReport(name, presented, options, v, Optional.empty());
    }

    /**
     * Validates what a server sent in {@code handshake} as a TLS server certificate for the name
     * asked for (or the IP address connected to), at {@code at}, by the web PKI rules.
     */
    public static TrustReport ofHandshake(Handshake handshake, List<TrustStore> stores, Instant at, PathValidator validator) {
        return ofHandshake(handshake, stores, at, validator, Optional.empty());
    }

    /** As {@link #ofHandshake(Handshake, List, Instant, PathValidator)}, fetching missing intermediates within {@code fetchMissing}. */
    public static TrustReport ofHandshake(Handshake handshake, List<TrustStore> stores, Instant at, PathValidator validator,
            Optional<FetchBudget> fetchMissing) {
        ValidationOptions options = ValidationOptions.server(at, handshake.target().expectedName());
        Verdict v = validator.validateChain(handshake.certificates(), stores, options, fetchMissing);
        return new TrustReport(handshake.target().expectedName(), handshake.certificates(), options, v, Optional.of(handshake));
    }

    /**
     * This report after checking revocation of the trusted path per {@code policy}, at the report's
     * instant; for a probe, a stapled OCSP response is used for the leaf as well.
     */
    public TrustReport checkRevocation(RevocationChecker checker, RevocationPolicy policy) {
        RevocationPolicy p = handshake.isPresent() && policy.stapledOcsp().isEmpty()
                ? policy.withStapledOcsp(handshake.get().stapledOcsp()) : policy;
        RevocationResult r = checker.check(verdict, p, options.at());
        return new TrustReport(name, presented, options, r.verdict(), handshake, r.statuses());
    }

    /** The instant the certificates were judged at. */
    public Instant at() {
        return options.at();
    }

    /** Trusted, and (for a probe) the server did not refuse the client. */
    public boolean ok() {
        return verdict.trusted() && handshake.flatMap(Handshake::refusal).isEmpty();
    }
}
