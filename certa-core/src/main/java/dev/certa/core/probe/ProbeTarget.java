package dev.certa.core.probe;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.name.IpAddresses;
import java.util.Locale;
import java.util.Optional;

/**
 * Where to connect and which name to ask for. A TLS client sends the name of the site it wants in
 * the Server Name Indication (SNI) extension, so that one address can serve many sites; the server
 * picks its certificate by that name, and the client then checks the certificate against it.
 *
 * @param host the host name or IP literal to connect to (IPv6 without brackets)
 * @param port the TCP port
 * @param serverName the name sent as SNI and expected in the certificate; empty when connecting to
 *     an IP address without naming a server (then the certificate must name the IP address)
 */
public record ProbeTarget(String host, int port, Optional<String> serverName) {
    /** HTTPS. */
    public static final int DEFAULT_PORT = 443;

    public ProbeTarget {
        if (host.isBlank()) {
            throw new CertaException(ErrorKind.USAGE, "the host is empty", "give HOST or HOST:PORT, e.g. example.com:443");
        }
        if (port < 1 || port > 65535) {
            throw new CertaException(ErrorKind.USAGE, "port " + port + " is out of range",
                    "give a port from 1 to 65535, e.g. example.com:443");
        }
        serverName = serverName.map(n -> n.trim().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty());
    }

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare IPv6 literal. The
     * server name is {@code sni} when given, else the host when it is a DNS name.
     */
    public static ProbeTarget parse(String hostPort, Optional<String> sni) {
        String text = hostPort.trim();
        if (text.startsWith("https://")) {
            text = text.substring("https://".length());
            int slash = text.indexOf('/');
            text = slash >= 0 ? text.substring(0, slash) : text;
        }
        String host;
        int port = DEFAULT_PORT;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw usage(hostPort, "the IPv6 address has no closing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw usage(hostPort, "expected ':PORT' after ']'");
                }
                port = parsePort(hostPort, rest.substring(1));
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            host = text; // a bare IPv6 literal
        } else {
            int colon = text.indexOf(':');
            host = colon >= 0 ? text.substring(0, colon) : text;
            if (colon >= 0) {
                port = parsePort(hostPort, text.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            throw usage(hostPort, "the host is empty");
        }
        Optional<String> name = sni.isPresent() ? sni : IpAddresses.isLiteral(host) ? Optional.empty() : Optional.of(host);
        return new ProbeTarget(host, port, name);
    }

    /** The name or address the server's certificate must carry. */
    public String expectedName() {
        return serverName.orElse(IpAddresses.isLiteral(host) ? IpAddresses.canonical(host) : host);
    }

    /** True when the certificate must name an IP address rather than a DNS name. */
    public boolean expectsIpAddress() {
        return serverName.isEmpty() && IpAddresses.isLiteral(host);
    }

    /** {@code host:port}, IPv6 in brackets. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static int parsePort(String input, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw usage(input, "'" + text + "' is not a port number");
        }
    }

    private static CertaException usage(String input, String why) {
        return new CertaException(ErrorKind.USAGE, "'" + input + "' is not HOST[:PORT]: " + why,
                "give e.g. example.com, example.com:8443 or [2001:db8::1]:443");
    }
}
