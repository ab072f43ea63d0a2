package dev.certa.server.api;

import dev.certa.server.http.ApiRequest;
import dev.certa.server.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin credential: a bearer token whose SHA-256 the server keeps. Compared in constant time;
 * the token itself is never logged or stored by the server.
 */
public final class AdminAuth {
    private final byte[] tokenHash;

    public AdminAuth(String token) {
        this.tokenHash = sha256(token.trim());
    }

    /** True when the request carries the admin token. */
    public boolean isAdmin(ApiRequest request) {
        return request.bearerToken().map(t -> MessageDigest.isEqual(sha256(t), tokenHash)).orElse(false);
    }

    /** Refuses the request (401/403) unless it carries the admin token. */
    public void require(ApiRequest request, String what) {
        if (request.bearerToken().isEmpty()) {
            throw ProblemException.unauthorized("admin-required", what + " needs the admin token: send 'Authorization: Bearer <token>' "
                    + "(the token is in the server's admin.token-file)");
        }
        if (!isAdmin(request)) {
            throw ProblemException.forbidden("bad-admin-token", "the bearer token is not this CA's admin token; use the one in admin.token-file");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
