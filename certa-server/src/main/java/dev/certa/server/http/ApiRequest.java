package dev.certa.server.http;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as endpoints see it: already bounded in size, with the TLS client certificate chain
 * when the client presented one (mTLS).
 *
 * @param method GET, POST, ...
 * @param path the path, e.g. {@code /sign}
 * @param query query parameters (first value of each)
 * @param headers request headers, names in lower case
 * @param body the body (at most the configured limit)
 * @param clientCertificates the chain the TLS client presented, leaf first; empty without mTLS
 * @param clientAddress the IP address of the connection's peer (the TCP socket's, never a forwarded-for
 *     header, which any client can write); empty when the connection has none (a Unix socket)
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
        List<X509Certificate> clientCertificates, Optional<InetAddress> clientAddress) {

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        clientCertificates = List.copyOf(clientCertificates);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isEmpty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The bearer token of the Authorization header, if any. */
    public Optional<String> bearerToken() {
        return header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
