package dev.certa.server;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CaUrls;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.issue.IssuanceRequest;
import dev.certa.core.issue.Issuer;
import dev.certa.core.name.DistinguishedNames;
import dev.certa.core.name.SubjectAltName;
import dev.certa.core.profile.Profile;
import dev.certa.server.api.AcmeAdminApi;
import dev.certa.server.api.AdminAuth;
import dev.certa.server.api.PublicApi;
import dev.certa.server.api.SigningApi;
import dev.certa.server.audit.AuditAnchor;
import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditKey;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.config.ServerConfig;
import dev.certa.server.http.Json;
import dev.certa.server.http.ProblemErrorHandler;
import dev.certa.server.http.Router;
import dev.certa.server.ra.CsrChecks;
import dev.certa.server.ra.Provisioner;
import dev.certa.server.ra.RegistrationAuthority;
import dev.certa.server.ra.TokenVerifier;
import dev.certa.server.revocation.RevocationEndpoints;
import dev.certa.server.revocation.RevocationService;
import dev.certa.server.signing.SigningService;
import dev.certa.store.CertaStore;
import dev.certa.store.StoreException;
import dev.certa.store.Stores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running {@code certa serve}: Jetty with an HTTPS connector (signing API, everything) and a plain
 * HTTP one (CRL, OCSP, CA certificates — what certificates point at, fetched without TLS by design —
 * and /health; every other path is 404 there, see {@link Router}).
 * {@link #start} creates what a fresh data directory lacks; {@link #close} stops gracefully: no new
 * connections, in-flight requests finish, then the store and audit log close.
 */
public final class CertaServer implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a CSR verification waits for a permit of expensive work before the request is told to retry. */
    private static final Duration CSR_CHECK_WAIT = Duration.ofSeconds(2);
    private final Server jetty;
    private final CertaStore store;
    private final AuditLog audit;
    private final ServerInfo info;
    private final List<AutoCloseable> closeables;
    private final TlsCertificateRenewal tlsCertificate;

    private CertaServer(Server jetty, CertaStore store, AuditLog audit, ServerInfo info, List<AutoCloseable> closeables,
            TlsCertificateRenewal tlsCertificate) {
        this.tlsCertificate = tlsCertificate;
        this.jetty = jetty;
        this.store = store;
        this.audit = audit;
        this.info = info;
        this.closeables = closeables;
    }

    /** The HTTPS listener's own certificate, renewed before it expires. */
    public TlsCertificateRenewal tlsCertificate() {
        return tlsCertificate;
    }

    /** Addresses and facts for the banner and for clients. */
    public ServerInfo info() {
        return info;
    }

    public static CertaServer start(ServerConfig config, Clock clock, SecureRandom random) throws Exception {
        Issuer issuer = new Issuer(clock, random);
        Bootstrap boot = new Bootstrap(config, issuer, random);
        boot.secureDataDirectory();
        CertificateAuthority ca = boot.issuingCa();
        String adminToken = boot.adminToken();
        Map<String, Provisioner> provisioners = new LinkedHashMap<>();
        boot.provisioners().forEach(p -> provisioners.put(p.name(), Provisioner.load(p)));

        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("certa-http");
        Server jetty = new Server(threads);
        jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
        HttpConfiguration plainConfig = new HttpConfiguration();
        plainConfig.setSendServerVersion(false);
        plainConfig.setUriCompliance(Router.URI_COMPLIANCE);
        ServerConnector http = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(plainConfig));
        http.setHost(config.listen());
        http.setPort(config.httpPort());
        http.open();
        String httpBase = "http://" + hostForUrl(config.publicHost()) + ":" + http.getLocalPort();

        CertaStore store;
        try {
            store = Stores.open(config.store());
        } catch (StoreException e) { // the database cannot be opened (in use, unwritable, unreachable): the reason says which
            http.close();
            throw new CertaException(ErrorKind.IO, e.getMessage(), null, e);
        }
        List<AutoCloseable> closeables = new ArrayList<>();
        AuditLog audit;
        try {
            audit = new AuditAnchor(config.auditLog(), config.dataDir().resolve(AuditKey.FILE_NAME), store)
                    .open(clock, random, config.publicHost() + ":" + config.httpsPort());
        } catch (RuntimeException e) {
            store.close();
            http.close();
            throw e;
        }
        String issuerId = dev.certa.server.signing.IssuerIds.of(ca.certificate());
        CertificateAuthority withUrls = ca.withUrls(new CaUrls(List.of(httpBase + "/ca/" + issuerId + ".cer"),
                Optional.of(httpBase + "/ocsp"), List.of(httpBase + "/crl/" + issuerId + ".crl")));
        Semaphore expensive = CsrChecks.expensiveWork(Runtime.getRuntime().availableProcessors());
        SigningService signing = new SigningService(issuer, withUrls, store.certificates(), audit, clock, expensive);

        // the server's own TLS certificate: issued, recorded and audited like any other, renewed before it expires
        X509Certificate root = ca.chain().isEmpty() ? ca.certificate() : ca.chain().get(ca.chain().size() - 1);
        TlsCertificateRenewal tlsCertificate = TlsCertificateRenewal.start(key -> signing.issue(IssuanceRequest.forKey(key.getPublic(),
                DistinguishedNames.of(config.publicHost(), config.caName()), serverNames(config), Profile.leaf("server"))
                .withValidity(Duration.ofDays(30)), "certa-serve", "issue-server-certificate"), List.of(root, ca.certificate()), clock, random);
        closeables.add(tlsCertificate);
        SslContextFactory.Server ssl = tlsCertificate.sslContextFactory();
        HttpConfiguration tlsConfig = new HttpConfiguration();
        tlsConfig.setSendServerVersion(false);
        tlsConfig.setUriCompliance(Router.URI_COMPLIANCE);
        SecureRequestCustomizer src = new SecureRequestCustomizer(false);
        tlsConfig.addCustomizer(src);
        ServerConnector https = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(tlsConfig));
        https.setHost(config.listen());
        https.setPort(config.httpsPort());
        https.open();
        String httpsBase = "https://" + hostForUrl(config.publicHost()) + ":" + https.getLocalPort();

        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Json json = new Json();
        Router router = new Router(json, config.maxBody(), meters);
        RevocationService revocation = new RevocationService(store.certificates(), audit, clock);
        TokenVerifier tokens = new TokenVerifier(provisioners, clock, config.tokenMaxLifetime(),
                URI.create(config.tokenCaUrl().orElse(httpsBase)));
        CsrChecks csrChecks = new CsrChecks(expensive, CSR_CHECK_WAIT, meters);
        RegistrationAuthority ra = new RegistrationAuthority(store.certificates(), clock, config.renewAfterExpiry(),
                SignerSeam.of(signing), csrChecks, audit);
        AdminAuth admin = new AdminAuth(adminToken);
        new SigningApi(json, tokens, ra, revocation, store.certificates(), admin, meters).register(router);
        new PublicApi(json, root, ca.certificateAndChain(), store, meters).register(router);
        Optional<dev.certa.server.revocation.DelegatedResponders> delegate = config.delegatedOcsp()
                ? Optional.of(key -> signing.issue(IssuanceRequest.forKey(key.getPublic(),
                        DistinguishedNames.of(config.caName() + " OCSP Responder", config.caName()), List.of(),
                        new Profile.OcspResponder()), "certa-serve", "issue-ocsp-responder").certificate())
                : Optional.empty();
        RevocationEndpoints rev = RevocationEndpoints.create(config, withUrls, issuerId, store, revocation, clock, meters, delegate);
        rev.register(router);
        closeables.add(rev);
        if (config.acme().enabled()) {
            AcmeWiring.Started acme = AcmeWiring.register(config.acme(), httpsBase, store, signing, csrChecks, revocation, audit, router,
                    clock, random);
            closeables.add(acme.sweep());
            closeables.add(acme.va());
            new AcmeAdminApi(json, admin, audit, acme.ra().eabKeys(), acme.ra().renewals(), acme.ra().accounts()).register(router);
        }

        jetty.addConnector(https);
        jetty.addConnector(http);
        jetty.setHandler(router);
        jetty.setErrorHandler(new ProblemErrorHandler(json));
        jetty.start();
        audit.append(new AuditEvent("certa-serve", "start", Optional.empty(), List.of(), "ok", httpsBase));
        ServerInfo info = new ServerInfo(URI.create(httpsBase), URI.create(httpBase), root, fingerprint(root),
                ca.certificate(), issuerId, store.description(), boot.created(), provisioners.keySet().stream().toList(),
                config.adminTokenFile());
        return new CertaServer(jetty, store, audit, info, closeables, tlsCertificate);
    }

    /** Stops gracefully: stops accepting, lets in-flight requests finish (up to 10 s), then closes storage. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping anyway
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort at shutdown
            }
        }
        audit.append(new AuditEvent("certa-serve", "stop", Optional.empty(), List.of(), "ok", ""));
        audit.close();
        store.close();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    static String fingerprint(X509Certificate c) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    private static List<SubjectAltName> serverNames(ServerConfig config) {
        List<SubjectAltName> names = new ArrayList<>(List.of(SubjectAltName.parse(config.publicHost())));
        for (String n : List.of("localhost", "127.0.0.1", "::1")) {
            if (!n.equalsIgnoreCase(config.publicHost())) {
                names.add(SubjectAltName.parse(n));
            }
        }
        return names;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
