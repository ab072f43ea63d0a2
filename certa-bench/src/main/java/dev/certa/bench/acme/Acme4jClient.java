package dev.certa.bench.acme;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * The same work as {@link LeanAcmeClient}, done by acme4j 4 (java.net.http, jose4j): to measure what a
 * general-purpose client costs on the shared cores. Polls with the benchmark's {@link Poll}, not acme4j's
 * {@code waitUntilReady} (which sleeps per Retry-After, at least a second).
 */
final class Acme4jClient implements AcmeClient {
    private final Session session;
    private final HttpClient http;
    private final ChallengeServer responder;
    private final KeyPair accountKey;
    private final Poll authzPoll;
    private final Poll orderPoll;
    private final int timeoutMillis;
    private Account account;
    private long polls;

    Acme4jClient(URI directory, SSLContext tls, ChallengeServer responder, KeyPair accountKey, Poll poll, int timeoutMillis) {
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
        this.session = new Session(directory, new GenericAcmeProvider() {
            @Override
            public HttpClient createHttpClient(NetworkSettings settings) {
                return http;
            }
        });
        this.responder = responder;
        this.accountKey = accountKey;
        this.authzPoll = poll.copy();
        this.orderPoll = poll.copy();
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void register() throws Exception {
        account = new AccountBuilder().agreeToTermsOfService().useKeyPair(accountKey).create(session);
    }

    @Override
    public X509Certificate issue(String name, byte[] csrDer) throws Exception {
        Order order = account.newOrder().domain(name).create();
        Authorization auth = order.getAuthorizations().getFirst();
        if (auth.getStatus() != Status.VALID) {
            Http01Challenge c = auth.findChallenge(Http01Challenge.class)
                    .orElseThrow(() -> new IOException("the authorization for " + name + " offers no http-01 challenge"));
            ChallengeServer.Published published = responder.publish(c.getToken(), c.getAuthorization());
            try {
                c.trigger();
                published.awaitFetch(timeoutMillis);
                long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
                authzPoll.beforeFirst();
                for (int attempt = 0; ; attempt++) {
                    polls++;
                    auth.fetch();
                    Status s = auth.getStatus();
                    if (s == Status.VALID) {
                        authzPoll.done(attempt);
                        break;
                    }
                    if (s != Status.PENDING && s != Status.PROCESSING || System.nanoTime() > deadline) {
                        throw new IOException("the authorization of " + name + " is " + s + ": " + auth.getJSON());
                    }
                    authzPoll.notYet(attempt);
                }
            } finally {
                responder.withdraw(c.getToken());
            }
        }
        order.execute(csrDer);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        if (order.getStatus() != Status.VALID) {
            orderPoll.beforeFirst();
            for (int attempt = 0; ; attempt++) {
                polls++;
                order.fetch();
                Status s = order.getStatus();
                if (s == Status.VALID) {
                    orderPoll.done(attempt);
                    break;
                }
                if (s != Status.PROCESSING && s != Status.READY && s != Status.PENDING || System.nanoTime() > deadline) {
                    throw new IOException("the order for " + name + " is " + s + ": " + order.getJSON());
                }
                orderPoll.notYet(attempt);
            }
        }
        X509Certificate leaf = order.getCertificate().getCertificate();
        boolean named = false;
        if (leaf.getSubjectAlternativeNames() != null) {
            for (List<?> san : leaf.getSubjectAlternativeNames()) {
                named |= Integer.valueOf(2).equals(san.get(0)) && name.equals(san.get(1));
            }
        }
        if (!named) {
            throw new IOException("the certificate downloaded for " + name + " does not name it");
        }
        return leaf;
    }

    @Override
    public long requests() {
        return -1;
    }

    @Override
    public long polls() {
        return polls;
    }

    @Override
    public void close() {
        http.close();
    }
}
