package dev.certa.core.path.limbo;

import dev.certa.core.name.SubjectAltName;
import dev.certa.core.path.KeyUsageBit;
import dev.certa.core.path.PathValidator;
import dev.certa.core.path.Purpose;
import dev.certa.core.path.SignatureAlgorithm;
import dev.certa.core.path.TrustStore;
import dev.certa.core.path.ValidationMode;
import dev.certa.core.path.ValidationOptions;
import dev.certa.core.path.Verdict;
import dev.certa.core.path.revocation.Crl;
import dev.certa.core.path.revocation.RevocationChecker;
import dev.certa.core.path.revocation.RevocationPolicy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a limbo case through certa's {@link PathValidator}, honouring the case's features,
 * validation kind, peer names, EKUs, key usages, time and depth.
 *
 * <p>Mode: {@code webpki::} and {@code online::} (chains from real sites) use
 * {@link ValidationMode#WEB_PKI}. {@code bettertls::} uses {@link ValidationMode#RFC5280} with SHA-1
 * signatures refused: it is a TLS-client suite that expects SHA-1 to fail, but its leaves carry common
 * names that are not among their subject alternative names (which the web PKI profile forbids and
 * BetterTLS expects to be ignored). Every other family ({@code rfc5280::}, {@code pathlen::},
 * {@code pathological::}, {@code cve::}, {@code invalid::}, {@code crl::}) tests RFC 5280 path validation
 * and uses {@link ValidationMode#RFC5280}. A case's CRLs ({@code crl::}) are checked with
 * {@link RevocationChecker} once the path is built, with no fetching; a path is then refused when a
 * certificate is revoked or a CRL from its issuer cannot be used.
 */
final class CertaLimbo {
    /** Features certa does not implement; cases needing them are skipped. */
    static final Map<String, String> UNSUPPORTED_FEATURES = Map.of(
            "pedantic-public-suffix-wildcard", "certa has no public suffix list",
            "pedantic-serial-number", "certa accepts serial numbers RFC 5280 calls malformed, as browsers do",
            "pedantic-rfc5280", "certa does not require an AKI on a cross-signed root");


    static final Set<String> WEB_FAMILIES = Set.of("webpki", "online");

    private final PathValidator validator = new PathValidator();
    /** The case's CRLs only: no fetching. */
    private final RevocationChecker revocation = new RevocationChecker(Optional.empty(), new SecureRandom());
    private final Instant now;

    CertaLimbo(Instant now) {
        this.now = now;
    }

    Result run(ParsedCase p) {
        LimboCase c = p.limbo();
        for (String f : c.features()) {
            if (UNSUPPORTED_FEATURES.containsKey(f)) {
                return Result.skip(f + ": " + UNSUPPORTED_FEATURES.get(f));
            }
        }
        if (p.peer().isEmpty()) {
            return Result.reject(p.peerError());
        }
        ValidationOptions o = options(c);
        Verdict v = validator.validate(p.peer().get(), p.untrusted(), List.of(TrustStore.of("limbo", p.trusted())), o);
        if (!c.crls().isEmpty()) {
            v = revocation.check(v, RevocationPolicy.crls(crls(c)), o.at()).verdict();
        }
        return v.trusted() ? Result.accept() : Result.reject(v.problems().get(0).describe());
    }

    ValidationOptions options(LimboCase c) {
        ValidationMode mode = WEB_FAMILIES.contains(c.id().split("::")[0]) ? ValidationMode.WEB_PKI : ValidationMode.RFC5280;
        ValidationOptions o = ValidationOptions.anyPurpose(c.time().orElse(now)).withMode(mode)
                .withPurpose(c.client() ? Purpose.CLIENT : Purpose.SERVER).withExpectedNames(names(c));
        if (c.id().startsWith("bettertls::")) {
            o = o.withAllowedSignatures(SignatureAlgorithm.modern());
        }
        for (String eku : c.extendedKeyUsages()) {
            o = o.withRequiredEku(LimboCase.ekuOid(eku));
        }
        for (String ku : c.keyUsages()) {
            o = o.withRequiredKeyUsage(KeyUsageBit.fromAsn1Name(ku));
        }
        if (c.maxChainDepth().isPresent()) {
            o = o.withMaxIntermediates(c.maxChainDepth().getAsInt());
        }
        return o;
    }

    /** The case's CRLs; one that cannot be read is left out (the certificates it covers then have no CRL). */
    private static List<Crl> crls(LimboCase c) {
        List<Crl> out = new ArrayList<>();
        for (int i = 0; i < c.crls().size(); i++) {
            try {
                out.addAll(Crl.read(c.crls().get(i).getBytes(StandardCharsets.US_ASCII), "crl #" + i));
            } catch (dev.certa.core.error.CertaException e) {
                // unreadable: not used
            }
        }
        return out;
    }

    /** The bundle's names as given: IP literals canonicalised, DNS and email names kept verbatim. */
    private static List<SubjectAltName> names(LimboCase c) {
        List<SubjectAltName> out = new ArrayList<>();
        for (LimboCase.PeerName n : c.peerNames()) {
            out.add(switch (n.kind()) {
                case "IP" -> SubjectAltName.ip(n.value());
                case "RFC822" -> new SubjectAltName(SubjectAltName.Type.EMAIL, n.value());
                default -> new SubjectAltName(SubjectAltName.Type.DNS, n.value());
            });
        }
        return out;
    }

    static Set<String> unsupported() {
        return UNSUPPORTED_FEATURES.keySet();
    }
}
