package dev.certa.core.probe;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what went wrong on the wire into one paragraph naming the server, what happened and the fix. */
final class ProbeFailures {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]+)");
    private static final List<String> CLIENT_CERTIFICATE_ALERTS = List.of("certificate_required", "bad_certificate",
            "unknown_ca", "certificate_unknown", "certificate_expired", "certificate_revoked", "unsupported_certificate",
            "access_denied", "decrypt_error", "handshake_failure");

    private final ProbeTarget target;
    private final Duration timeout;

    ProbeFailures(ProbeTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    CertaException connect(IOException e) {
        String where = target.address();
        if (e instanceof ConnectException) {
            return network(where + ": connection refused; nothing is listening on that port",
                    "check the host and port, and that the server is running", e);
        }
        if (e instanceof SocketTimeoutException) {
            return network(where + ": no answer within " + seconds() + " (the TCP connection could not be opened)",
                    "check the host, the port and any firewall in between; give a longer --timeout if the network is slow", e);
        }
        if (e instanceof NoRouteToHostException) {
            return network(where + ": no route to the host", "check the address and your network", e);
        }
        return network(where + ": could not connect (" + e.getMessage() + ")", "check the host, the port and your network", e);
    }

    /** The handshake failed before the server sent any certificate. */
    CertaException handshake(IOException e, long received, byte[] firstBytes, boolean deadlinePassed) {
        String where = target.address();
        if (deadlinePassed || hasCause(e, SocketTimeoutException.class)) {
            if (received == 0) {
                return network(where + " accepted the connection but sent nothing within " + seconds()
                                + " in answer to the TLS ClientHello",
                        "check that this port serves TLS directly (not plain text or STARTTLS); "
                                + "give a longer --timeout if the server is slow", e);
            }
            return network(where + " stopped answering in the middle of the TLS handshake (nothing more within "
                    + seconds() + ")", "check the server's log; give a longer --timeout if the network is slow", e);
        }
        if (firstBytes.length > 0 && !looksLikeTls(firstBytes)) {
            return network(where + " does not speak TLS: it answered '" + preview(firstBytes) + "'",
                    "check the port: this one is not a TLS port (HTTPS is usually 443; STARTTLS protocols are not supported by probe)",
                    e);
        }
        Optional<String> alert = alert(e);
        if (alert.isPresent()) {
            return network(where + " refused the TLS handshake with the alert '" + alert.get() + "'", alertFix(alert.get()), e);
        }
        if (hasCause(e, EOFException.class) || hasCause(e, SocketException.class)
                || String.valueOf(e.getMessage()).contains("terminated the handshake")) {
            if (received == 0) {
                return network(where + " closed the connection without answering the TLS ClientHello",
                        "check that this port serves TLS; the server may also refuse the name sent as SNI ("
                                + target.serverName().orElse("none") + ") or the TLS versions offered (1.2, 1.3); "
                                + "its log says which", e);
            }
            return network(where + " closed the connection in the middle of the TLS handshake (after " + received + " bytes)",
                    "check the server's log; it may not accept the TLS versions or cipher suites offered", e);
        }
        return network("the TLS handshake with " + where + " failed: " + e.getMessage(), "check the server's log", e);
    }

    /** The handshake failed, or the server hung up, after the server's certificates had arrived. */
    Handshake.Refusal refusal(IOException e, Optional<ClientCertificateRequest> request, boolean deadlinePassed) {
        if (deadlinePassed || hasCause(e, SocketTimeoutException.class)) {
            return new Handshake.Refusal(Optional.empty(), "the server stopped answering after it sent its certificates",
                    "check the server's log; give a longer --timeout if the network is slow");
        }
        Optional<String> alert = alert(e);
        if (alert.isEmpty()) {
            if (hasCause(e, EOFException.class) || hasCause(e, SocketException.class)
                    || String.valueOf(e.getMessage()).contains("terminated the handshake")) {
                return closedAfterHandshake(request);
            }
            return new Handshake.Refusal(Optional.empty(), "the handshake failed after the server sent its certificates: "
                    + e.getMessage(), "check the server's log");
        }
        String a = alert.get();
        if (request.isPresent() && CLIENT_CERTIFICATE_ALERTS.contains(a)) {
            if (!request.get().certificateSent()) {
                return new Handshake.Refusal(alert, "the server requires a client certificate and none was sent (it ended "
                        + "the handshake with the alert '" + a + "')",
                        "give a client certificate from one of the CAs the server accepts with --cert FILE --key FILE");
            }
            return new Handshake.Refusal(alert, "the server refused the client certificate (alert '" + a + "')",
                    "use a client certificate issued by one of the CAs the server accepts, valid now and allowed for "
                            + "client authentication (extended key usage clientAuth)");
        }
        return new Handshake.Refusal(alert, "the server ended the handshake with the alert '" + a + "'", alertFix(a));
    }

    Handshake.Refusal closedAfterHandshake(Optional<ClientCertificateRequest> request) {
        if (request.isPresent() && !request.get().certificateSent()) {
            return new Handshake.Refusal(Optional.empty(), "the server asked for a client certificate, none was sent, "
                    + "and it closed the connection", "give a client certificate with --cert FILE --key FILE");
        }
        return new Handshake.Refusal(Optional.empty(), "the server closed the connection right after the handshake",
                "check the server's log" + (request.isPresent() ? "; it may have refused the client certificate" : ""));
    }

    private static String alertFix(String alert) {
        return switch (alert) {
            case "handshake_failure", "insufficient_security" -> "the server and certa share no TLS version or cipher suite "
                    + "(certa offers TLS 1.2 and 1.3 with current cipher suites), or the server needs a client "
                    + "certificate; check the server's TLS configuration";
            case "protocol_version" -> "the server speaks only TLS versions older than 1.2, which are insecure; upgrade it";
            case "unrecognized_name" -> "the server does not serve the name sent as SNI; check --servername";
            case "certificate_required", "bad_certificate", "unknown_ca", "certificate_unknown", "access_denied" ->
                    "give a client certificate the server accepts with --cert FILE --key FILE";
            case "no_application_protocol" -> "the server accepts none of the application protocols offered (h2, http/1.1)";
            default -> "check the server's log for why it refused";
        };
    }

    private static Optional<String> alert(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            Matcher m = ALERT.matcher(String.valueOf(c.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A TLS record starts with its content type (20 to 23) and the major version 3. */
    private static boolean looksLikeTls(byte[] first) {
        int type = first[0] & 0xff;
        return type >= 20 && type <= 23 && (first.length < 2 || first[1] == 3);
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int nl = text.indexOf('\n');
        String line = (nl >= 0 ? text.substring(0, nl) : text).strip();
        StringBuilder sb = new StringBuilder();
        for (char c : line.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? c : '.');
        }
        return sb.length() > 40 ? sb.substring(0, 40) + "..." : sb.toString();
    }

    private String seconds() {
        long s = timeout.toSeconds();
        return s >= 1 && timeout.toMillis() % 1000 == 0 ? s + " s" : timeout.toMillis() + " ms";
    }

    private static CertaException network(String reason, String fix, Throwable cause) {
        return new CertaException(ErrorKind.NETWORK, reason, fix, cause);
    }
}
