package dev.certa.server.va;

/**
 * What to validate: that whoever controls {@code identifier} put {@code keyAuthorization} where the
 * challenge {@code type} says, and that CAA lets this CA issue for it to {@code accountUri}.
 *
 * @param type {@code http-01}, {@code dns-01} or {@code tls-alpn-01}
 * @param identifier {@code dns:example.com}, {@code dns:*.example.com} or {@code ip:192.0.2.1}
 * @param token the challenge's token (the http-01 file name)
 * @param keyAuthorization {@code token + "." + base64url(JWK thumbprint of the account key)}
 * @param accountUri the URL of the account asking (CAA's {@code accounturi}, RFC 8657)
 */
public record ValidationRequest(String type, String identifier, String token, String keyAuthorization, String accountUri) {
    public String identifierValue() {
        return identifier.substring(identifier.indexOf(':') + 1);
    }

    public boolean isIp() {
        return identifier.startsWith("ip:");
    }

    /** A wildcard name: {@code *.example.com} (proven by dns-01 only; CAA's {@code issuewild} applies). */
    public boolean isWildcard() {
        return identifier.startsWith("dns:*.");
    }
}
