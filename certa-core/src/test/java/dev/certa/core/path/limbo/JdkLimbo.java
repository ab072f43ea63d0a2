package dev.certa.core.path.limbo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline: the JDK's own PKIX path builder, used the way a JSSE client uses it.
 *
 * <ol>
 *   <li>{@code CertPathBuilder.getInstance("PKIX")} with {@link PKIXBuilderParameters}: the case's trusted
 *       certificates as {@link TrustAnchor}s, the peer as target, the untrusted certificates (and the
 *       peer) in a Collection {@link CertStore}, the case's validation time, revocation off, and
 *       {@code setMaxPathLength} from {@code max_chain_depth} (the JDK's default of 5 otherwise).</li>
 *   <li>Extended key usage as JSSE's end-entity checker applies it: a leaf EKU, when present, must hold
 *       serverAuth (SERVER) or clientAuth (CLIENT), or anyExtendedKeyUsage; the same for EKUs the case
 *       asks for; key usage bits the case asks for must be set when the leaf has key usage.</li>
 *   <li>For SERVER cases, the host name or IP address with {@code sun.security.util.HostnameChecker}
 *       (TYPE_TLS), the class {@code X509TrustManagerImpl} calls for endpoint identification "HTTPS"
 *       (the test JVM runs with {@code --add-exports java.base/sun.security.util=ALL-UNNAMED}). JSSE does
 *       not check client names, so CLIENT cases check none.</li>
 * </ol>
 * The JDK has no notion of limbo's features, so it runs every case except the {@code has-crl} ones:
 * revocation is off in this baseline, so those would measure nothing.
 */
final class JdkLimbo {
    private static final Map<String, String> EKU_OIDS = Map.of(
            "serverAuth", "1.3.6.1.5.5.7.3.1",
            "clientAuth", "1.3.6.1.5.5.7.3.2",
            "codeSigning", "1.3.6.1.5.5.7.3.3",
            "emailProtection", "1.3.6.1.5.5.7.3.4",
            "timeStamping", "1.3.6.1.5.5.7.3.8",
            "OCSPSigning", "1.3.6.1.5.5.7.3.9",
            "anyExtendedKeyUsage", "2.5.29.37.0");
    private static final List<String> KEY_USAGE_NAMES = List.of("digitalSignature", "nonRepudiation", "keyEncipherment",
            "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly");

    private final Instant now;
    private final Object hostnameChecker;
    private final Method match;

    JdkLimbo(Instant now) {
        this.now = now;
        try {
            Class<?> c = Class.forName("sun.security.util.HostnameChecker");
            this.hostnameChecker = c.getMethod("getInstance", byte.class).invoke(null, (byte) 1); // TYPE_TLS
            this.match = c.getMethod("match", String.class, X509Certificate.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the JDK's HostnameChecker is not reachable; run the tests with "
                    + "--add-exports java.base/sun.security.util=ALL-UNNAMED (set in certa-core/pom.xml)", e);
        }
    }

    Result run(ParsedCase p) {
        LimboCase c = p.limbo();
        if (c.features().contains("has-crl")) {
            return Result.skip("revocation is off in the JDK baseline");
        }
        if (p.peer().isEmpty()) {
            return Result.reject(p.peerError());
        }
        X509Certificate leaf = p.peer().get();
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate t : p.trusted()) {
                anchors.add(new TrustAnchor(t, null));
            }
            if (anchors.isEmpty()) {
                return Result.reject("no trust anchors");
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            List<X509Certificate> store = new ArrayList<>(p.untrusted());
            store.add(leaf);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(c.time().orElse(now)));
            if (c.maxChainDepth().isPresent()) {
                params.setMaxPathLength(c.maxChainDepth().getAsInt());
            }
            PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            if (r.getCertPath().getCertificates().isEmpty()) {
                return Result.reject("empty path");
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Result.reject("PKIX: " + e.getMessage());
        }
        String usage = endEntityProblem(c, leaf);
        if (!usage.isEmpty()) {
            return Result.reject(usage);
        }
        if (!c.client()) {
            for (LimboCase.PeerName n : c.peerNames()) {
                try {
                    match.invoke(hostnameChecker, n.value(), leaf);
                } catch (InvocationTargetException e) {
                    return Result.reject("host name: " + e.getCause().getMessage());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Result.accept();
    }

    private static String endEntityProblem(LimboCase c, X509Certificate leaf) {
        List<String> needed = new ArrayList<>();
        needed.add(EKU_OIDS.get(c.client() ? "clientAuth" : "serverAuth"));
        c.extendedKeyUsages().forEach(e -> needed.add(EKU_OIDS.getOrDefault(e, e)));
        try {
            List<String> ekus = leaf.getExtendedKeyUsage();
            if (ekus != null && !ekus.contains(EKU_OIDS.get("anyExtendedKeyUsage"))) {
                for (String oid : needed) {
                    if (!ekus.contains(oid)) {
                        return "EKU does not allow " + oid;
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return "EKU cannot be parsed";
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null) {
            for (String name : c.keyUsages()) {
                int bit = KEY_USAGE_NAMES.indexOf(name);
                if (bit >= 0 && (bit >= ku.length || !ku[bit])) {
                    return "key usage lacks " + name;
                }
            }
        }
        return "";
    }
}
