package dev.certa.server.config;

import java.util.List;
import java.util.Optional;

/** Every fixed configuration key of {@code certa serve} with its default. Provisioners come on top. */
public final class Settings {
    public static final Setting LISTEN = new Setting("listen", "127.0.0.1",
            "address to listen on (0.0.0.0 for every interface)", false);
    public static final Setting HTTPS_PORT = new Setting("https-port", "8443",
            "HTTPS port of the signing API (and of CRL, OCSP and AIA too); 0 picks a free port", false);
    public static final Setting HTTP_PORT = new Setting("http-port", "8080",
            "plain-HTTP port for CRL, OCSP and CA certificates (the URLs certificates carry); 0 picks a free port", false);
    public static final Setting PUBLIC_HOST = new Setting("public-host", "localhost",
            "the name clients reach this CA by: in the server's own certificate and in the CRL/OCSP/AIA URLs", false);
    public static final Setting CA_DIR = new Setting("ca-dir", "${data}/ca",
            "the CA directory (as made by 'certa ca init'); created on first start when missing", false);
    public static final Setting CA_NAME = new Setting("ca.name", "certa",
            "name of the CA created on first start ('<name> Root CA', '<name> Intermediate CA')", false);
    public static final Setting CA_PASSWORD_FILE = new Setting("ca.password-file", "",
            "file holding the password of the CA keys; empty: keys are stored unencrypted (mode 0600)", false);
    public static final Setting DATABASE_URL = new Setting("database.url", "sqlite:${data}/certa.db",
            "sqlite:FILE (embedded, one node) or jdbc:postgresql://HOST:PORT/DB (several nodes)", false);
    public static final Setting DATABASE_USER = new Setting("database.user", "certa", "PostgreSQL role", false);
    public static final Setting DATABASE_PASSWORD = new Setting("database.password", "",
            "PostgreSQL password (better given as CERTA_DATABASE_PASSWORD)", true);
    public static final Setting DATABASE_SCHEMA = new Setting("database.schema", "certa",
            "PostgreSQL schema for certa's tables (created if missing)", false);
    public static final Setting DATABASE_POOL = new Setting("database.pool-size", "8",
            "PostgreSQL connections per node", false);
    public static final Setting TOKEN_MAX_LIFETIME = new Setting("tokens.max-lifetime", "10m",
            "longest lifetime a one-time token may have (exp - iat)", false);
    public static final Setting TOKEN_CA_URL = new Setting("tokens.ca-url", "",
            "the URL clients reach the signing API by when nodes sit behind a load balancer (e.g. https://ca.internal); a token's audience must be this URL + /sign (scheme, host and port equal), as 'certa token --ca-url URL' mints it; every node must have the same; empty: https://<public-host>:<https-port> of this node", false);
    public static final Setting CRL_INTERVAL = new Setting("crl.interval", "1h",
            "how often the CRL is re-signed even when nothing was revoked", false);
    public static final Setting CRL_LIFETIME = new Setting("crl.lifetime", "24h",
            "nextUpdate - thisUpdate of each CRL", false);
    public static final Setting OCSP_LIFETIME = new Setting("ocsp.lifetime", "24h",
            "nextUpdate - thisUpdate of each OCSP response", false);
    public static final Setting OCSP_RESPONDER = new Setting("ocsp.responder", "ca",
            "who signs OCSP responses: ca (the issuing CA's key) or delegated (a 7-day OCSP-signing certificate the CA issues itself, re-issued before it expires)", false);
    public static final Setting MAX_BODY = new Setting("limits.max-body", "65536",
            "largest request body accepted, in bytes", false);
    public static final Setting AUDIT_LOG = new Setting("audit.log", "${data}/audit.log",
            "the hash-chained audit log (JSON lines); check it with 'certa audit verify'", false);
    public static final Setting ADMIN_TOKEN_FILE = new Setting("admin.token-file", "${data}/admin-token",
            "file with the admin bearer token (created on first start, mode 0600) for /revoke and /certs", false);
    public static final Setting RENEW_WINDOW = new Setting("renew.after-expiry", "0s",
            "how long after expiry a certificate may still be renewed over mTLS (0s: never)", false);
    public static final Setting ACME_ENABLED = new Setting("acme.enabled", "true",
            "serve ACME (RFC 8555) at https://<public-host>:<https-port>/acme/directory: true or false", false);
    public static final Setting ACME_BASE_URL = new Setting("acme.base-url", "",
            "the URL ACME clients reach the CA by when nodes sit behind a load balancer (e.g. https://ca.internal); every node must have the same; empty: https://<public-host>:<https-port> of this node", false);
    public static final Setting ACME_TERMS = new Setting("acme.terms-of-service", "",
            "URL of terms new ACME accounts must agree to; empty: none asked", false);
    public static final Setting ACME_PROFILES = new Setting("acme.profiles", "tlsserver=90d, shortlived=7d",
            "certificate profiles ACME clients may choose (name=validity, comma-separated; all TLS server certificates); the first is the default", false);
    public static final Setting ACME_EAB = new Setting("acme.eab", "off",
            "External Account Binding: off, optional or required (new accounts need a key from 'certa acme eab add')", false);
    public static final Setting ACME_ALLOWED_NAMES = new Setting("acme.allowed-names", "",
            "if set, the only domains (and names below them) and IP addresses ACME issues for (comma-separated); empty: any", false);
    public static final Setting ACME_DENIED_NAMES = new Setting("acme.denied-names", "",
            "domains ACME never issues for, nor for names below them (comma-separated); public suffixes (com, co.uk) are always refused", false);
    public static final Setting ACME_LIMIT_ACCOUNT = new Setting("acme.rate-limit.orders-per-account", "off",
            "new ACME orders one account may make, as COUNT/WINDOW (e.g. 300/3h), or off", false);
    public static final Setting ACME_LIMIT_DOMAIN = new Setting("acme.rate-limit.orders-per-domain", "off",
            "new ACME orders that may name one registered domain (example.com for www.example.com), as COUNT/WINDOW (e.g. 50/7d), or off", false);
    public static final Setting ACME_LIMIT_ACCOUNTS_PER_IP = new Setting("acme.rate-limit.accounts-per-ip", "off",
            "new ACME accounts one client address may create (an IPv4 address, or an IPv6 /64 prefix; the TCP peer, never a forwarded-for header), as COUNT/WINDOW (e.g. 10/3h), or off", false);
    public static final Setting ACME_LIMIT_NEW_ACCOUNTS = new Setting("acme.rate-limit.new-accounts", "off",
            "new ACME accounts all clients together may create, as COUNT/WINDOW (e.g. 1000/1h), or off", false);
    public static final Setting ACME_AUTHZ_REUSE = new Setting("acme.authorization-reuse", "30d",
            "how long a validated ACME authorization stays valid, during which the account's new orders for the same identifier reuse it instead of asking for the proof again (as Let's Encrypt does); off: never reused", false);
    public static final Setting HTTP01_PORT = new Setting("validation.http-01-port", "80",
            "port http-01 validation fetches /.well-known/acme-challenge/TOKEN from (80 by the RFC; another only for tests)", false);
    public static final Setting TLS_ALPN01_PORT = new Setting("validation.tls-alpn-01-port", "443",
            "port tls-alpn-01 validation connects to, and the only port an http-01 redirect to https:// is followed to (443 by the RFCs; another only for tests)", false);
    public static final Setting DNS_RESOLVER = new Setting("validation.dns-resolver", "",
            "DNS server (host:port or host) validation asks for A/AAAA, TXT and CAA records; empty: the system's", false);
    public static final Setting ALLOW_PRIVATE = new Setting("validation.allow-private-addresses", "false",
            "let validation contact loopback, private and link-local addresses (off: requesters cannot point the CA at internal networks)", false);
    public static final Setting PRIVATE_NETWORKS = new Setting("validation.allowed-private-networks", "",
            "private networks validation may contact although allow-private-addresses is off (CIDR, comma-separated, e.g. 10.20.0.0/16); empty: none", false);
    public static final Setting CAA_IDENTITIES = new Setting("acme.caa-identities", "certa.local",
            "the issuer domain names CAA records name this CA by (comma-separated): a domain whose CAA 'issue' records name none of them gets no certificate", false);
    public static final Setting CAA_RECHECK = new Setting("acme.caa-recheck-after", "8h",
            "CAA is checked when a challenge is validated, and again before issuing if that was longer ago than this", false);
    public static final Setting VALIDATION_RETRIES = new Setting("acme.validation-retries", "2",
            "how many more times a validation is tried after a failure that may pass (connection refused or timed out, DNS SERVFAIL or no answer); the challenge stays processing meanwhile", false);
    public static final Setting VALIDATION_RETRY_DELAY = new Setting("acme.validation-retry-delay", "3s",
            "how long validation waits before trying again", false);
    public static final Setting VALIDATION_SWEEP = new Setting("acme.validation-sweep-interval", "30s",
            "how often each node looks for challenges left processing by a node that died, and validates them again", false);

    public static final List<Setting> ALL = List.of(LISTEN, HTTPS_PORT, HTTP_PORT, PUBLIC_HOST, CA_DIR, CA_NAME,
            CA_PASSWORD_FILE, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_SCHEMA, DATABASE_POOL,
            TOKEN_MAX_LIFETIME, TOKEN_CA_URL, CRL_INTERVAL, CRL_LIFETIME, OCSP_LIFETIME, OCSP_RESPONDER, MAX_BODY, AUDIT_LOG, ADMIN_TOKEN_FILE,
            RENEW_WINDOW, ACME_ENABLED, ACME_BASE_URL, ACME_TERMS, ACME_PROFILES, ACME_EAB, ACME_ALLOWED_NAMES, ACME_DENIED_NAMES,
            ACME_LIMIT_ACCOUNT, ACME_LIMIT_DOMAIN, ACME_LIMIT_ACCOUNTS_PER_IP, ACME_LIMIT_NEW_ACCOUNTS, ACME_AUTHZ_REUSE, CAA_IDENTITIES, CAA_RECHECK, VALIDATION_RETRIES, VALIDATION_RETRY_DELAY, VALIDATION_SWEEP, HTTP01_PORT, TLS_ALPN01_PORT, DNS_RESOLVER, ALLOW_PRIVATE,
            PRIVATE_NETWORKS);

    private Settings() {}

    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
