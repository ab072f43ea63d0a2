package dev.certa.core.path;

import dev.certa.core.name.SubjectAltName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What to validate for: at which instant, for which purpose, for which peer names, by which rule book,
 * within which limits. Start from {@link #server}, {@link #client} or {@link #anyPurpose} and refine with
 * the {@code with…} methods; every value is immutable.
 *
 * <pre>{@code
 * ValidationOptions o = ValidationOptions.server(Instant.now(), "api.example.com")
 *         .withMode(ValidationMode.WEB_PKI);
 * }</pre>
 *
 * @param at the instant every certificate must be valid at (validation never reads the clock)
 * @param purpose what the leaf will be used for; decides the extended key usage needed
 * @param expectedNames names the leaf must be valid for; every one must match (RFC 6125: DNS names
 *     against DNS subject alternative names, wildcards only as the whole left-most label, IP addresses
 *     only against IP names). Empty: no name is checked.
 * @param mode the rule book: plain RFC 5280, or the web PKI rules browsers apply
 * @param maxIntermediates at most this many intermediate CAs between leaf and anchor (self-issued
 *     ones, such as key roll-overs, are not counted); empty: only the limits apply
 * @param requiredEkus extended key usage OIDs the leaf must allow, beyond what the purpose needs
 * @param requiredKeyUsages key usage bits the leaf must have when it carries the key usage extension
 * @param allowedSignatures signature algorithms accepted on certificates below the anchor
 * @param limits bounds on the work done
 * @param expiryWarning warn when a certificate on the path expires within this time of {@code at}
 */
public record ValidationOptions(
        Instant at,
        Purpose purpose,
        List<SubjectAltName> expectedNames,
        ValidationMode mode,
        OptionalInt maxIntermediates,
        Set<String> requiredEkus,
        Set<KeyUsageBit> requiredKeyUsages,
        Set<SignatureAlgorithm> allowedSignatures,
        ValidationLimits limits,
        Duration expiryWarning) {

    public ValidationOptions {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxIntermediates, "maxIntermediates");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(expiryWarning, "expiryWarning");
        expectedNames = List.copyOf(new LinkedHashSet<>(expectedNames));
        requiredEkus = Set.copyOf(requiredEkus);
        requiredKeyUsages = requiredKeyUsages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredKeyUsages));
        allowedSignatures = Set.copyOf(allowedSignatures);
        if (maxIntermediates.isPresent() && maxIntermediates.getAsInt() < 0) {
            throw new IllegalArgumentException("maxIntermediates must not be negative");
        }
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("expiryWarning must not be negative");
        }
    }

    /**
     * Options for checking a TLS server's certificate at {@code at} for {@code host} (a DNS name or an IP
     * address literal), by the web PKI rules browsers apply. For a private PKI, follow with
     * {@code .withMode(ValidationMode.RFC5280)}.
     *
     * @throws dev.certa.core.error.CertaException of kind BAD_NAME when {@code host} is neither a valid
     *     DNS name nor an IP address
     */
    public static ValidationOptions server(Instant at, String host) {
        return anyPurpose(at).withPurpose(Purpose.SERVER).withMode(ValidationMode.WEB_PKI)
                .withExpectedNames(List.of(SubjectAltName.parse(host)));
    }

    /** Options for checking a TLS client's certificate at {@code at}, by RFC 5280 rules, with no name checked. */
    public static ValidationOptions client(Instant at) {
        return anyPurpose(at).withPurpose(Purpose.CLIENT);
    }

    /** RFC 5280 validation at {@code at} for no particular purpose and no name. */
    public static ValidationOptions anyPurpose(Instant at) {
        return new ValidationOptions(at, Purpose.ANY, List.of(), ValidationMode.RFC5280, OptionalInt.empty(), Set.of(),
                Set.of(), defaultSignatures(ValidationMode.RFC5280), ValidationLimits.defaults(), Duration.ofDays(30));
    }

    /** The signature algorithms a mode accepts unless told otherwise: SHA-1 only under RFC 5280 (with a warning). */
    public static Set<SignatureAlgorithm> defaultSignatures(ValidationMode mode) {
        return mode == ValidationMode.WEB_PKI ? SignatureAlgorithm.webPki() : SignatureAlgorithm.all();
    }

    public ValidationOptions withAt(Instant i) {
        return new ValidationOptions(i, purpose, expectedNames, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                allowedSignatures, limits, expiryWarning);
    }

    public ValidationOptions withPurpose(Purpose p) {
        return new ValidationOptions(at, p, expectedNames, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                allowedSignatures, limits, expiryWarning);
    }

    public ValidationOptions withExpectedNames(List<SubjectAltName> names) {
        return new ValidationOptions(at, purpose, names, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                allowedSignatures, limits, expiryWarning);
    }

    /** The same options under another rule book; the signature allow-list becomes that mode's default. */
    public ValidationOptions withMode(ValidationMode m) {
        return new ValidationOptions(at, purpose, expectedNames, m, maxIntermediates, requiredEkus, requiredKeyUsages,
                defaultSignatures(m), limits, expiryWarning);
    }

    public ValidationOptions withMaxIntermediates(int max) {
        return new ValidationOptions(at, purpose, expectedNames, mode, OptionalInt.of(max), requiredEkus, requiredKeyUsages,
                allowedSignatures, limits, expiryWarning);
    }

    /** Also require this extended key usage (an OID such as 1.3.6.1.5.5.7.3.3 for code signing). */
    public ValidationOptions withRequiredEku(String oid) {
        Set<String> s = new LinkedHashSet<>(requiredEkus);
        s.add(oid);
        return new ValidationOptions(at, purpose, expectedNames, mode, maxIntermediates, s, requiredKeyUsages,
                allowedSignatures, limits, expiryWarning);
    }

    /** Also require this key usage bit on the leaf. */
    public ValidationOptions withRequiredKeyUsage(KeyUsageBit bit) {
        List<KeyUsageBit> s = new ArrayList<>(requiredKeyUsages);
        s.add(bit);
        return new ValidationOptions(at, purpose, expectedNames, mode, maxIntermediates, requiredEkus, Set.copyOf(s),
                allowedSignatures, limits, expiryWarning);
    }

    public ValidationOptions withAllowedSignatures(Set<SignatureAlgorithm> algorithms) {
        return new ValidationOptions(at, purpose, expectedNames, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                algorithms, limits, expiryWarning);
    }

    public ValidationOptions withLimits(ValidationLimits l) {
        return new ValidationOptions(at, purpose, expectedNames, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                allowedSignatures, l, expiryWarning);
    }

    public ValidationOptions withExpiryWarning(Duration d) {
        return new ValidationOptions(at, purpose, expectedNames, mode, maxIntermediates, requiredEkus, requiredKeyUsages,
                allowedSignatures, limits, d);
    }
}
