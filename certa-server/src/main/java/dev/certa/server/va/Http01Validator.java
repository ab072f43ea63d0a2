package dev.certa.server.va;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * http-01 (RFC 8555 section 8.3): {@code GET http://NAME/.well-known/acme-challenge/TOKEN} must answer
 * 200 with the key authorization. Spoken over a plain socket so the CA decides which address is
 * contacted (after the private-address check) and bounds time and size. Redirects are followed up to
 * the limit, like Let's Encrypt does, only to {@code http://} on port 80 or {@code https://} on port
 * 443 (the configured http-01 and tls-alpn-01 ports), each target's address checked again: a redirect
 * must not let a requester aim the CA at another port or at an internal address.
 */
final class Http01Validator {
    private final ValidationSettings settings;
    private final Targets targets;
    private final SSLContext tls;

    Http01Validator(ValidationSettings settings, Targets targets) {
        this.settings = settings;
        this.targets = targets;
        this.tls = AnyCertificate.freshContext();
    }

    ValidationOutcome validate(ValidationRequest r, Deadline deadline) {
        URI url = URI.create("http://" + (r.isIp() && r.identifierValue().contains(":") ? "[" + r.identifierValue() + "]"
                : r.identifierValue()) + "/.well-known/acme-challenge/" + r.token());
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            InetAddress target;
            Response resp;
            try {
                target = targets.resolve(url.getHost(), hop == 0 ? "rejectedIdentifier" : "connection");
            } catch (Refusal e) {
                return hop == 0 ? e.outcome() : e.outcome("redirected to " + url);
            }
            try {
                resp = fetch(url, target, deadline);
            } catch (Refusal e) {
                return e.outcome();
            }
            if (resp.status() >= 300 && resp.status() < 400 && resp.location() != null) {
                try {
                    url = redirect(url, resp.location());
                } catch (Refusal e) {
                    return e.outcome();
                }
                continue;
            }
            if (resp.status() != 200) {
                return ValidationOutcome.invalid("unauthorized", url + " answered HTTP " + resp.status());
            }
            String body = resp.body().strip();
            if (body.equals(r.keyAuthorization())) {
                return new ValidationOutcome.Valid();
            }
            return ValidationOutcome.invalid("incorrectResponse", url
                    + " answered with something other than the key authorization (" + Math.min(body.length(), 64) + " characters shown: '"
                    + body.substring(0, Math.min(body.length(), 64)).replaceAll("[^\\x20-\\x7e]", "?") + "')");
        }
        return ValidationOutcome.invalid("connection", "more than " + settings.maxRedirects() + " redirects");
    }

    /** Where a redirect from {@code from} leads, if it is a place http-01 may go. */
    private URI redirect(URI from, String location) throws Refusal {
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("connection", from + " redirects to '" + location + "', which is not a URL");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        int port = next.getPort();
        boolean http = scheme.equals("http") && (port == -1 || port == 80 || port == settings.http01Port());
        boolean https = scheme.equals("https") && (port == -1 || port == 443 || port == settings.tlsAlpn01Port());
        if (next.getHost() == null || !(http || https)) {
            throw new Refusal("connection", from + " redirects to " + next
                    + "; only redirects to http:// on port 80 and https:// on port 443 are followed");
        }
        return next;
    }

    /** GET {@code url} from {@code address}, over TLS for https (any certificate: the body is the proof). */
    private Response fetch(URI url, InetAddress address, Deadline deadline) throws Refusal {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = https ? settings.tlsAlpn01Port() : settings.http01Port();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        try (Socket s = https ? tls.getSocketFactory().createSocket() : new Socket();
                Deadline.Watchdog w = deadline.closeWhenPassed(s)) {
            s.connect(new InetSocketAddress(address, port), deadline.remainingMillis());
            s.setSoTimeout(deadline.remainingMillis());
            if (s instanceof SSLSocket ssl) {
                if (!Targets.isIpLiteral(url.getHost())) {
                    SSLParameters p = ssl.getSSLParameters();
                    p.setServerNames(List.of(new SNIHostName(url.getHost())));
                    ssl.setSSLParameters(p);
                }
                ssl.startHandshake();
            }
            String hostHeader = url.getHost();
            if (port != (https ? 443 : 80)) {
                hostHeader += ":" + port;
            }
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: certa-va\r\nAccept: */*\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(s, deadline);
        } catch (IOException e) {
            // every socket timeout here is what was left of the deadline: its expiry is the deadline's
            String why = deadline.passed() || e instanceof java.net.SocketTimeoutException ? deadline.ranOut()
                    : String.valueOf(e.getMessage());
            boolean tlsFailure = https && e instanceof SSLException;
            throw new Refusal(tlsFailure ? "tls" : "connection", "fetching " + url + " from "
                    + address.getHostAddress() + ":" + port + " failed: " + why, !tlsFailure && Targets.unreachable(e, deadline));
        }
    }

    private Response read(Socket s, Deadline deadline) throws IOException {
        byte[] raw = readAtMost(s, settings.maxBody() + 8192, deadline);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("the response has no complete header within " + raw.length + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + status[1]);
        }
        String location = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("location")) {
                    location = value;
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
        }
        String body = text.substring(end + 4);
        if (body.length() > settings.maxBody()) {
            throw new IOException("the response body is over " + settings.maxBody() + " bytes");
        }
        return new Response(code, location, chunked ? unchunk(body) : body);
    }

    private static String unchunk(String body) throws IOException {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                throw new IOException("a chunked body ends early");
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("a chunked body is malformed");
            }
            if (size == 0) {
                return out.toString();
            }
            if (eol + 2 + size > body.length()) {
                throw new IOException("a chunked body ends early");
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    /** Reads until the peer closes, each read given only what is left of the deadline (the watchdog closes the socket then). */
    private static byte[] readAtMost(Socket s, int limit, Deadline deadline) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while (true) {
            s.setSoTimeout(deadline.remainingMillis());
            n = in.read(buf);
            if (n <= 0) {
                break;
            }
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw new IOException("the response is over " + limit + " bytes");
            }
            if (deadline.passed()) {
                throw new IOException(deadline.ranOut());
            }
        }
        return out.toByteArray();
    }

    private record Response(int status, String location, String body) {}
}
