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
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * http-01 (RFC 8555 section 8.3): {@code GET http://NAME/.well-known/acme-challenge/TOKEN} must answer
 * 200 with the key authorization. Spoken over a plain socket so the CA decides which address is
 * contacted (after the private-address check) and bounds time and size; redirects are followed up to
 * the limit, only to plain HTTP on the validation port, each target checked again.
 */
final class Http01Validator {
    private final ValidationSettings settings;
    private final DnsClient dns;
    private final AddressPolicy addresses;

    Http01Validator(ValidationSettings settings, DnsClient dns) {
        this.settings = settings;
        this.dns = dns;
        this.addresses = new AddressPolicy(settings.allowPrivateAddresses());
    }

    ValidationOutcome validate(ValidationRequest r) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        String host = r.identifierValue();
        String path = "/.well-known/acme-challenge/" + r.token();
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            InetAddress target;
            try {
                target = resolve(host);
            } catch (Refusal e) {
                return ValidationOutcome.invalid(e.type, e.getMessage());
            }
            Response resp;
            try {
                resp = get(target, host, path, deadline);
            } catch (IOException e) {
                return ValidationOutcome.invalid("connection", "fetching http://" + host + path + " from " + target.getHostAddress()
                        + " failed: " + e.getMessage());
            }
            if (resp.status() >= 300 && resp.status() < 400 && resp.location() != null) {
                URI next;
                try {
                    next = URI.create("http://" + host + path).resolve(resp.location());
                } catch (IllegalArgumentException e) {
                    return ValidationOutcome.invalid("connection", "the redirect to '" + resp.location() + "' is not a URL");
                }
                int port = next.getPort() == -1 ? 80 : next.getPort();
                if (!"http".equals(next.getScheme()) || next.getHost() == null || port != settings.http01Port() && port != 80) {
                    return ValidationOutcome.invalid("connection", "http://" + host + path + " redirects to " + next
                            + "; only redirects to plain HTTP on the validation port are followed");
                }
                host = next.getHost();
                path = next.getRawPath() == null || next.getRawPath().isEmpty() ? "/" : next.getRawPath();
                continue;
            }
            if (resp.status() != 200) {
                return ValidationOutcome.invalid("unauthorized", "http://" + host + path + " answered HTTP " + resp.status());
            }
            String body = resp.body().strip();
            if (body.equals(r.keyAuthorization())) {
                return new ValidationOutcome.Valid();
            }
            return ValidationOutcome.invalid("incorrectResponse", "http://" + host + path
                    + " answered with something other than the key authorization (" + Math.min(body.length(), 64) + " characters shown: '"
                    + body.substring(0, Math.min(body.length(), 64)).replaceAll("[^\\x20-\\x7e]", "?") + "')");
        }
        return ValidationOutcome.invalid("connection", "more than " + settings.maxRedirects() + " redirects");
    }

    private InetAddress resolve(String host) throws Refusal {
        List<InetAddress> found;
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                found = List.of(InetAddress.getByName(host.replace("[", "").replace("]", "")));
            } catch (IOException e) {
                throw new Refusal("malformed", "'" + host + "' is not an address");
            }
        } else {
            try {
                found = dns.addresses(host);
            } catch (DnsClient.DnsFailure e) {
                throw new Refusal("dns", e.getMessage());
            }
        }
        if (found.isEmpty()) {
            throw new Refusal("dns", "no A or AAAA record for " + host);
        }
        InetAddress a = found.getFirst();
        if (!addresses.allows(a)) {
            throw new Refusal("rejectedIdentifier", host + " resolves to " + a.getHostAddress()
                    + ", a private or local address this CA does not contact");
        }
        return a;
    }

    private Response get(InetAddress address, String host, String path, long deadline) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, settings.http01Port()), remainingMillis(deadline));
            s.setSoTimeout(remainingMillis(deadline));
            String hostHeader = host.contains(":") ? "[" + host + "]" : host;
            if (settings.http01Port() != 80) {
                hostHeader += ":" + settings.http01Port();
            }
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: certa-va\r\nAccept: */*\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(s.getInputStream(), deadline);
        }
    }

    private Response read(InputStream in, long deadline) throws IOException {
        byte[] raw = readAtMost(in, settings.maxBody() + 8192, deadline);
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

    private static byte[] readAtMost(InputStream in, int limit, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > limit) {
                throw new IOException("the response is over " + limit + " bytes");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the response took longer than the time limit");
            }
        }
        return out.toByteArray();
    }

    private static int remainingMillis(long deadline) throws IOException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new IOException("the time limit ran out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private record Response(int status, String location, String body) {}

    private static final class Refusal extends Exception {
        final String type;

        Refusal(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}
