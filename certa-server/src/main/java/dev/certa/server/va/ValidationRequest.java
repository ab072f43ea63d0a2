package dev.certa.server.va;

/**
 * What to validate: that whoever controls {@code identifier} put {@code keyAuthorization} where the
 * challenge {@code type} says.
 *
 * @param type {@code http-01} or {@code dns-01}
 * @param identifier {@code dns:example.com} or {@code ip:192.0.2.1}
 * @param token the challenge's token (the http-01 file name)
 * @param keyAuthorization {@code token + "." + base64url(JWK thumbprint of the account key)}
 */
public record ValidationRequest(String type, String identifier, String token, String keyAuthorization) {
    public String identifierValue() {
        return identifier.substring(identifier.indexOf(':') + 1);
    }

    public boolean isIp() {
        return identifier.startsWith("ip:");
    }
}
