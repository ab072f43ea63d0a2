package dev.certa.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.server.testing.MovableClock;
import dev.certa.server.testing.RunningCa;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a month of uptime the HTTPS listener's 30-day certificate expired and every client failed TLS. Now
 * it is renewed at two thirds of its lifetime and swapped in while the server runs: a connection opened
 * before keeps working, a new one gets the new certificate.
 */
class TlsCertificateRenewalTest {
    @TempDir
    Path dir;

    @Test
    void theHttpsCertificateIsRenewedBeforeItExpiresAndOldAndNewConnectionsBothWork() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        try (RunningCa ca = RunningCa.start(dir.resolve("data"), Map.of(), clock)) {
            TlsCertificateRenewal renewal = ca.server.tlsCertificate();
            URI url = ca.info.httpsUrl();
            try (Connection before = new Connection(url)) {
                X509Certificate first = before.serverCertificate();
                assertThat(first).isEqualTo(renewal.current());
                assertThat(before.get("/health")).startsWith("HTTP/1.1 200");

                clock.advance(Duration.ofDays(19)); // 19 of 30 days: not yet two thirds
                assertThat(renewal.renewIfDue()).isFalse();
                clock.advance(Duration.ofDays(2)); // 21 days: due, 9 days before the certificate expires
                assertThat(clock.instant()).isBefore(first.getNotAfter().toInstant());
                assertThat(renewal.renewIfDue()).isTrue();

                assertThat(before.get("/health")).as("the connection opened before the renewal").startsWith("HTTP/1.1 200");
                assertThat(before.serverCertificate()).isEqualTo(first);

                try (Connection after = new Connection(url)) {
                    X509Certificate second = after.serverCertificate();
                    assertThat(after.get("/health")).startsWith("HTTP/1.1 200");
                    assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
                    assertThat(second.getNotAfter()).isAfter(first.getNotAfter());
                    assertThat(second.getPublicKey()).isNotEqualTo(first.getPublicKey());
                    assertThat(second.getSubjectX500Principal()).isEqualTo(first.getSubjectX500Principal());
                    assertThat(second.getSubjectAlternativeNames()).containsExactlyElementsOf(first.getSubjectAlternativeNames());
                    second.verify(ca.info.issuingCa().getPublicKey());
                    assertThat(second).isEqualTo(renewal.current());
                }
            }
        }
    }

    /**
     * One HTTP/1.1 connection kept alive across requests. It accepts the server's chain without judging its
     * dates (the server's clock is moved, the JDK's is not); the test checks the certificate itself.
     */
    private static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Connection(URI url) throws Exception {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new AcceptAny()}, null);
            socket = (SSLSocket) tls.getSocketFactory().createSocket(url.getHost(), url.getPort());
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            host = url.getHost() + ":" + url.getPort();
        }

        X509Certificate serverCertificate() throws Exception {
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return (X509Certificate) chain[0];
        }

        /** Sends a GET on this connection and returns the status line, having read the whole response. */
        String get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long n = Long.parseLong(line().trim(), 16); n > 0; n = Long.parseLong(line().trim(), 16)) {
                    in.readNBytes((int) n);
                    line();
                }
                line();
            } else if (length > 0) {
                in.readNBytes((int) length);
            }
            return status;
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
