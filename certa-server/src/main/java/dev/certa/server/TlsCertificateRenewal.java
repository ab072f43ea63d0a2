package dev.certa.server;

import dev.certa.core.issue.IssuedCertificate;
import dev.certa.core.key.KeyType;
import dev.certa.server.http.TlsContexts;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener's own certificate, kept fresh: issued at start, renewed with a new key once two
 * thirds of its lifetime have passed (checked every {@link #CHECK_EVERY} on the injected clock), and
 * swapped into the running listener ({@link SslContextFactory#reload}) without a restart. Connections
 * already open keep the certificate they were set up with; new ones get the new certificate.
 */
public final class TlsCertificateRenewal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TlsCertificateRenewal.class);
    /** How often the certificate's age is looked at. */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(10);

    /** Issues (records and audits) a server certificate for a public key. */
    @FunctionalInterface
    public interface Source {
        IssuedCertificate issue(KeyPair key);
    }

    private final Source source;
    private final List<X509Certificate> clientCas;
    private final Clock clock;
    private final SecureRandom random;
    private final SslContextFactory.Server ssl = new SslContextFactory.Server();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon(true).name("certa-tls-renewal").unstarted(r));
    private volatile X509Certificate current;

    private TlsCertificateRenewal(Source source, List<X509Certificate> clientCas, Clock clock, SecureRandom random) {
        this.source = source;
        this.clientCas = List.copyOf(clientCas);
        this.clock = clock;
        this.random = random;
        this.current = install(false);
        scheduler.scheduleWithFixedDelay(this::checkQuietly, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Issues the first certificate and starts checking.
     *
     * @param clientCas the CAs whose client certificates the listener asks for (mTLS renewals)
     */
    public static TlsCertificateRenewal start(Source source, List<X509Certificate> clientCas, Clock clock, SecureRandom random) {
        return new TlsCertificateRenewal(source, clientCas, clock, random);
    }

    /** The TLS settings to give the HTTPS connector. */
    public SslContextFactory.Server sslContextFactory() {
        return ssl;
    }

    /** The certificate new connections get. */
    public X509Certificate current() {
        return current;
    }

    /** When the current certificate is due for renewal: two thirds into its lifetime. */
    public Instant renewalDue() {
        Instant from = current.getNotBefore().toInstant();
        Duration lifetime = Duration.between(from, current.getNotAfter().toInstant());
        return from.plus(lifetime.multipliedBy(2).dividedBy(3));
    }

    /** Renews the certificate if it is due; returns whether it did. What the periodic check runs. */
    public synchronized boolean renewIfDue() {
        if (clock.instant().isBefore(renewalDue())) {
            return false;
        }
        X509Certificate old = current;
        current = install(true);
        log.info("renewed the HTTPS certificate: serial {} (until {}) replaces {} (until {})", current.getSerialNumber().toString(16),
                current.getNotAfter().toInstant(), old.getSerialNumber().toString(16), old.getNotAfter().toInstant());
        return true;
    }

    private void checkQuietly() {
        try {
            renewIfDue();
        } catch (RuntimeException e) { // tried again at the next check; the current certificate still serves meanwhile
            log.error("could not renew the HTTPS certificate (valid until {}): {}", current.getNotAfter().toInstant(), e.getMessage());
        }
    }

    private X509Certificate install(boolean running) {
        KeyPair key = KeyType.EC_P256.generate(random);
        IssuedCertificate issued = source.issue(key);
        SSLContext context = TlsContexts.server(key.getPrivate(), issued.fullChain(), clientCas);
        if (!running) {
            ssl.setSslContext(context);
            ssl.setWantClientAuth(true);
            ssl.setSniRequired(false);
            return issued.certificate();
        }
        try {
            ssl.reload(f -> f.setSslContext(context));
        } catch (Exception e) {
            throw new IllegalStateException("the HTTPS listener did not take the renewed certificate: " + e.getMessage(), e);
        }
        return issued.certificate();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
