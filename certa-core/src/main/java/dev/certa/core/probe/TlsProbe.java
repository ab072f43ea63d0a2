package dev.certa.core.probe;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.name.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One TLS handshake with a server, recording what it presents even when it cannot be trusted: the
 * certificate list in the order sent, the TLS version, cipher suite and ALPN protocol, a stapled
 * OCSP response, and whether the server asked for a client certificate and from which CAs.
 *
 * <p>The probe trusts whatever the server sends, so it never sends application data: it finishes
 * the handshake and closes. Judging the certificates is the path validator's job. When the server
 * asked for a client certificate, the probe waits briefly after the handshake, because a TLS 1.3
 * server refuses a missing or unacceptable client certificate only after the client has finished.
 *
 * <p>Every wait is bounded: connecting, each read, and the whole handshake by {@code timeout}, the
 * wait for a refusal by {@link #REFUSAL_WAIT} at most.
 *
 * <pre>{@code
 * Handshake h = new TlsProbe(Duration.ofSeconds(10))
 *         .probe(ProbeTarget.parse("example.com", Optional.empty()), Optional.empty());
 * h.certificates(); // leaf first, as the server sent them
 * }</pre>
 */
public final class TlsProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait after the handshake for a server to refuse the client certificate. */
    public static final Duration REFUSAL_WAIT = Duration.ofSeconds(2);
    /** The application protocols offered, so the server's ALPN choice can be seen. */
    public static final List<String> OFFERED_ALPN = List.of("h2", "http/1.1");

    private final Duration timeout;

    public TlsProbe(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new CertaException(ErrorKind.USAGE, "the timeout " + timeout + " is not a positive duration",
                    "give a timeout such as 10s");
        }
        this.timeout = timeout;
    }

    /**
     * Connects to the target, runs the handshake (presenting {@code identity} if the server asks for
     * a client certificate) and returns what the server presented.
     *
     * @throws CertaException of kind {@link ErrorKind#NETWORK} when no certificate could be had: the
     *     name does not resolve, the connection is refused or times out, the port does not speak
     *     TLS, or the server ends the handshake before sending its certificate
     */
    public Handshake probe(ProbeTarget target, Optional<ClientIdentity> identity) {
        RecordingTrustManager trust = new RecordingTrustManager();
        RecordingKeyManager keys = new RecordingKeyManager(identity);
        SSLContext context = context(keys, trust);
        InetSocketAddress address = resolve(target);
        int millis = (int) timeout.toMillis();
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certa-probe-deadline");
            t.setDaemon(true);
            return t;
        });
        RecordingSocket plain = new RecordingSocket();
        ProbeFailures failures = new ProbeFailures(target, timeout);
        try {
            try {
                plain.connect(address, millis);
            } catch (IOException e) {
                throw failures.connect(e);
            }
            // connect, each read and the handshake as a whole are bounded by the timeout
            watchdog.schedule(() -> {
                deadlinePassed.set(true);
                closeQuietly(plain);
            }, millis, TimeUnit.MILLISECONDS);
            SSLSocket tls;
            try {
                plain.setSoTimeout(millis);
                tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
                tls.setSSLParameters(parameters(tls, target));
                tls.startHandshake();
            } catch (IOException e) {
                RecordingTrustManager.Seen seen = trust.seen().orElseThrow(
                        () -> failures.handshake(e, plain.received(), plain.firstBytes(), deadlinePassed.get()));
                return new Handshake(target, seen.protocol(), seen.cipherSuite(), Optional.empty(), seen.chain(),
                        seen.stapledOcsp(), keys.request(), Optional.of(failures.refusal(e, keys.request(), deadlinePassed.get())));
            }
            RecordingTrustManager.Seen seen = trust.seen().orElseThrow(() -> new CertaException(ErrorKind.INTERNAL,
                    target.address() + ": the handshake finished without a server certificate", null));
            SSLSession session = tls.getSession();
            Optional<String> alpn = Optional.ofNullable(tls.getApplicationProtocol()).filter(p -> !p.isEmpty());
            Optional<Handshake.Refusal> refusal = keys.request().isPresent()
                    ? awaitRefusal(tls, failures, keys, deadlinePassed)
                    : Optional.empty();
            return new Handshake(target, session.getProtocol(), session.getCipherSuite(), alpn, seen.chain(),
                    seen.stapledOcsp(), keys.request(), refusal,
                    refusal.isPresent() ? List.of() : ClientCertificateJudge.judge(keys.request(), identity));
        } finally {
            watchdog.shutdownNow();
            closeQuietly(plain);
        }
    }

    /**
     * A TLS 1.3 server checks the client's certificate after the client has finished its side of
     * the handshake, and refuses it with an alert that arrives on the first read. Reading sends
     * nothing; a server that waits for a request simply lets the short read time out.
     */
    private Optional<Handshake.Refusal> awaitRefusal(SSLSocket tls, ProbeFailures failures, RecordingKeyManager keys,
            AtomicBoolean deadlinePassed) {
        try {
            tls.setSoTimeout((int) Math.min(timeout.toMillis(), REFUSAL_WAIT.toMillis()));
            int b = tls.getInputStream().read();
            return b < 0 ? Optional.of(failures.closedAfterHandshake(keys.request())) : Optional.empty();
        } catch (SocketTimeoutException quiet) {
            return Optional.empty();
        } catch (IOException e) {
            // the deadline closed the socket while waiting: the server had not refused by then
            return deadlinePassed.get() ? Optional.empty() : Optional.of(failures.refusal(e, keys.request(), false));
        }
    }

    private static SSLParameters parameters(SSLSocket tls, ProbeTarget target) {
        SSLParameters p = tls.getSSLParameters();
        target.serverName().filter(n -> !IpAddresses.isLiteral(n))
                .ifPresent(n -> p.setServerNames(List.of(new SNIHostName(n))));
        if (target.serverName().isEmpty()) {
            p.setServerNames(List.of());
        }
        p.setApplicationProtocols(OFFERED_ALPN.toArray(String[]::new));
        return p;
    }

    private static SSLContext context(KeyManager keys, TrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new CertaException(ErrorKind.INTERNAL, "this Java runtime offers no TLS implementation: " + e.getMessage(),
                    "run certa on a standard JDK", e);
        }
    }

    private InetSocketAddress resolve(ProbeTarget target) {
        try {
            return new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        } catch (UnknownHostException e) {
            throw new CertaException(ErrorKind.NETWORK, target.host() + ": the name does not resolve to an address",
                    "check the spelling of the host name and your DNS", e);
        }
    }

    private static void closeQuietly(java.net.Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort; the connection is abandoned either way
        }
    }
}
