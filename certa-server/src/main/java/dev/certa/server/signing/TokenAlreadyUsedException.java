package dev.certa.server.signing;

/** The one-time token was used before (on any node); the certificate it asked for was discarded. */
public final class TokenAlreadyUsedException extends RuntimeException {
    private final String tokenId;

    public TokenAlreadyUsedException(String tokenId) {
        super("token " + tokenId + " was already used", null, false, false);
        this.tokenId = tokenId;
    }

    public String tokenId() {
        return tokenId;
    }
}
