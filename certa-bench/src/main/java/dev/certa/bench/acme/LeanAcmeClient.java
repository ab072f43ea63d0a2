package dev.certa.bench.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A lean ACME client (RFC 8555) for the benchmark: ES256 JWS made by hand with the fastest provider
 * on the machine, one keep-alive HTTP/1.1 connection per origin, the nonce of each answer used for the
 * next request (a fresh one is fetched only at the start and after a {@code badNonce}, which is
 * retried), responses parsed with Jackson. It does what an ACME client must do and nothing more, so
 * that the client's share of the two cores stays small.
 */
final class LeanAcmeClient implements AcmeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String JOSE = "application/jose+json";
    private static final String BAD_NONCE = "urn:ietf:params:acme:error:badNonce";
    private final URI directory;
    private final SSLContext tls;
    private final ChallengeServer responder;
    private final LoopbackDns dns;
    private final String challengeType;
    private final KeyPair accountKey;
    private final Provider signatureProvider;
    private final Poll authzPoll;
    private final Poll orderPoll;
    private final int timeoutMillis;
    private final Map<String, AcmeConnection> connections = new HashMap<>();
    private final String jwk;
    private final String thumbprint;
    private String newNonceUrl;
    private String newAccountUrl;
    private String newOrderUrl;
    private String nonce;
    private String kid;
    private long polls;

    /** @param challengeType http-01 (answered by {@code responder}) or dns-01 (a TXT record on {@code dns}) */
    LeanAcmeClient(URI directory, SSLContext tls, ChallengeServer responder, LoopbackDns dns, String challengeType, KeyPair accountKey,
            Provider signatureProvider, Poll poll, int timeoutMillis) throws GeneralSecurityException {
        this.directory = directory;
        this.tls = tls;
        this.responder = responder;
        this.dns = dns;
        this.challengeType = challengeType;
        this.accountKey = accountKey;
        this.signatureProvider = signatureProvider;
        this.authzPoll = poll.copy();
        this.orderPoll = poll.copy();
        this.timeoutMillis = timeoutMillis;
        ECPublicKey pub = (ECPublicKey) accountKey.getPublic();
        String x = B64.encodeToString(unsigned(pub.getW().getAffineX(), 32));
        String y = B64.encodeToString(unsigned(pub.getW().getAffineY(), 32));
        this.jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}"; // RFC 7638 order
        this.thumbprint = B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void register() throws Exception {
        AcmeConnection.Response d = connection(directory).send("GET", pathOf(directory), null, null);
        expect(d, 200, "the directory");
        JsonNode dir = JSON.readTree(d.body());
        newNonceUrl = dir.path("newNonce").asText();
        newAccountUrl = dir.path("newAccount").asText();
        newOrderUrl = dir.path("newOrder").asText();
        AcmeConnection.Response r = post(newAccountUrl, "{\"termsOfServiceAgreed\":true}", true);
        expect(r, 201, "newAccount");
        kid = r.header("location");
        if (kid == null) {
            throw new IOException("newAccount answered without a Location");
        }
    }

    @Override
    public X509Certificate issue(String name, byte[] csrDer) throws Exception {
        AcmeConnection.Response r = post(newOrderUrl, "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"" + name + "\"}]}", false);
        expect(r, 201, "newOrder");
        String orderUrl = r.header("location");
        JsonNode order = JSON.readTree(r.body());
        String authzUrl = order.path("authorizations").path(0).asText();
        String finalizeUrl = order.path("finalize").asText();

        JsonNode authz = json(postAsGet(authzUrl), "the authorization");
        if (!authz.path("status").asText().equals("valid")) {
            JsonNode challenge = null;
            for (JsonNode c : authz.path("challenges")) {
                if (c.path("type").asText().equals(challengeType)) {
                    challenge = c;
                }
            }
            if (challenge == null) {
                throw new IOException("the authorization for " + name + " offers no " + challengeType + " challenge: " + authz);
            }
            String token = challenge.path("token").asText();
            String keyAuthorization = token + "." + thumbprint;
            boolean dns01 = challengeType.equals("dns-01");
            String record = "_acme-challenge." + name;
            // the proof, published until the authorization is settled
            LoopbackDns.Txt txt = dns01 ? dns.publishTxt(record, B64.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII)))) : null;
            ChallengeServer.Published published = dns01 ? null : responder.publish(token, keyAuthorization);
            try {
                expect(post(challenge.path("url").asText(), "{}", false), 200, "the challenge response");
                if (dns01) { // then poll: the CA has the proof (a timeout just means the polls find out)
                    txt.awaitQuery(timeoutMillis);
                } else {
                    published.awaitFetch(timeoutMillis);
                }
                awaitStatus(authzUrl, "valid", "the authorization of " + name, authzPoll);
            } finally {
                if (dns01) {
                    dns.withdrawTxt(record);
                } else {
                    responder.withdraw(token);
                }
            }
        }

        String csr = B64.encodeToString(csrDer);
        r = post(finalizeUrl, "{\"csr\":\"" + csr + "\"}", false);
        expect(r, 200, "finalize");
        order = JSON.readTree(r.body());
        if (!order.path("status").asText().equals("valid")) {
            order = awaitStatus(orderUrl, "valid", "the order for " + name, orderPoll);
        }
        AcmeConnection.Response cert = postAsGet(order.path("certificate").asText());
        expect(cert, 200, "the certificate download");
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.body()));
        boolean named = false;
        if (leaf.getSubjectAlternativeNames() != null) {
            for (List<?> san : leaf.getSubjectAlternativeNames()) {
                named |= Integer.valueOf(2).equals(san.get(0)) && name.equals(san.get(1));
            }
        }
        if (!named) {
            throw new IOException("the certificate downloaded for " + name + " does not name it: " + leaf.getSubjectX500Principal());
        }
        return leaf;
    }

    /** POST-as-GET {@code url} until its status is {@code want}; invalid (or anything unexpected) fails. */
    private JsonNode awaitStatus(String url, String want, String what, Poll poll) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        poll.beforeFirst();
        for (int attempt = 0; ; attempt++) {
            polls++;
            JsonNode n = json(postAsGet(url), what);
            String status = n.path("status").asText();
            if (status.equals(want)) {
                poll.done(attempt);
                return n;
            }
            if (!status.equals("pending") && !status.equals("processing") && !status.equals("ready")) {
                throw new IOException(what + " is " + status + ": " + n);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(what + " is still " + status + " after " + timeoutMillis + " ms");
            }
            poll.notYet(attempt);
        }
    }

    private JsonNode json(AcmeConnection.Response r, String what) throws IOException {
        expect(r, 200, what);
        return JSON.readTree(r.body());
    }

    private AcmeConnection.Response postAsGet(String url) throws Exception {
        return post(url, null, false);
    }

    /** A JWS POST ({@code payload} null: POST-as-GET), retried on badNonce with the nonce that came with it. */
    private AcmeConnection.Response post(String url, String payload, boolean withJwk) throws Exception {
        URI u = URI.create(url);
        AcmeConnection c = connection(u);
        for (int attempt = 0; ; attempt++) {
            if (nonce == null) {
                AcmeConnection.Response n = connection(URI.create(newNonceUrl)).send("HEAD", pathOf(URI.create(newNonceUrl)), null, null);
                nonce = n.header("replay-nonce");
                if (nonce == null) {
                    throw new IOException("newNonce answered " + n.status() + " without a Replay-Nonce");
                }
            }
            byte[] body = jws(url, payload, withJwk);
            nonce = null;
            AcmeConnection.Response r = c.send("POST", pathOf(u), JOSE, body);
            nonce = r.header("replay-nonce");
            if (r.status() == 400 && attempt < 3 && r.text().contains(BAD_NONCE)) {
                continue;
            }
            return r;
        }
    }

    private byte[] jws(String url, String payload, boolean withJwk) throws GeneralSecurityException {
        String header = "{\"alg\":\"ES256\"," + (withJwk ? "\"jwk\":" + jwk : "\"kid\":\"" + kid + "\"") + ",\"nonce\":\"" + nonce
                + "\",\"url\":\"" + url + "\"}";
        String protectedB64 = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
        String payloadB64 = payload == null ? "" : B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSA", signatureProvider);
        s.initSign(accountKey.getPrivate());
        s.update((protectedB64 + "." + payloadB64).getBytes(StandardCharsets.US_ASCII));
        String sig = B64.encodeToString(p1363(s.sign()));
        return ("{\"protected\":\"" + protectedB64 + "\",\"payload\":\"" + payloadB64 + "\",\"signature\":\"" + sig + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An ECDSA signature as JWS wants it (r || s, 32 bytes each) from its DER SEQUENCE of two INTEGERs. */
    static byte[] p1363(byte[] der) {
        int at = 2;
        if ((der[1] & 0x80) != 0) {
            at += der[1] & 0x7f;
        }
        byte[] out = new byte[64];
        for (int i = 0; i < 2; i++) {
            int len = der[at + 1];
            int start = at + 2;
            int skip = Math.max(0, len - 32);
            System.arraycopy(der, start + skip, out, i * 32 + 32 - (len - skip), len - skip);
            at = start + len;
        }
        return out;
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(b.length, length);
        System.arraycopy(b, b.length - n, out, length - n, n);
        return out;
    }

    private static void expect(AcmeConnection.Response r, int status, String what) throws IOException {
        if (r.status() != status) {
            throw new IOException(what + " answered " + r.status() + ": " + r.text().replaceAll("\\s+", " "));
        }
    }

    private AcmeConnection connection(URI u) {
        String origin = u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
        return connections.computeIfAbsent(origin, o -> new AcmeConnection(u, tls, timeoutMillis));
    }

    private static String pathOf(URI u) {
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Override
    public long requests() {
        return connections.values().stream().mapToLong(AcmeConnection::requests).sum();
    }

    @Override
    public long polls() {
        return polls;
    }

    @Override
    public void close() {
        connections.values().forEach(AcmeConnection::close);
    }
}
