package dev.certa.server.acme;

import java.util.Optional;

/** Where each ACME resource lives, under {@code <https base>/acme/}. */
record AcmeUrls(String base) {
    static final String PREFIX = "/acme/";
    static final String DIRECTORY = PREFIX + "directory";
    static final String NEW_NONCE = PREFIX + "new-nonce";
    static final String NEW_ACCOUNT = PREFIX + "new-account";
    static final String NEW_ORDER = PREFIX + "new-order";
    static final String REVOKE_CERT = PREFIX + "revoke-cert";
    static final String KEY_CHANGE = PREFIX + "key-change";
    static final String ACCOUNT = PREFIX + "acct/";
    static final String ORDER = PREFIX + "order/";
    static final String AUTHZ = PREFIX + "authz/";
    static final String CHALLENGE = PREFIX + "chall/";
    static final String FINALIZE = PREFIX + "finalize/";
    static final String CERTIFICATE = PREFIX + "cert/";
    /** Renewal information (RFC 9773): the directory names this; clients append "/" and a certificate's ARI id. */
    static final String RENEWAL_INFO = PREFIX + "renewal-info";

    String url(String path) {
        return base + path;
    }

    String url(String kind, String id) {
        return base + kind + id;
    }

    /** The account id of an account URL ({@code kid}), if it is one of this CA's. */
    Optional<String> accountId(String kid) {
        String prefix = base + ACCOUNT;
        return kid.startsWith(prefix) && kid.length() > prefix.length() ? Optional.of(kid.substring(prefix.length())) : Optional.empty();
    }

    /** The id at the end of a resource path, e.g. {@code /acme/order/ID}. */
    static String idOf(String path, String kind) {
        String id = path.substring(kind.length());
        return id.contains("/") ? "" : id;
    }
}
