package dev.certa.bench.acme;

import java.security.cert.X509Certificate;

/** One ACME client of one worker: an account, then full issuances one after another. Not thread-safe. */
interface AcmeClient extends AutoCloseable {
    /** Creates this worker's account (before the measured window). */
    void register() throws Exception;

    /**
     * One full issuance for {@code name}: new order → authorization → http-01 answered through the
     * responder → validation awaited → finalize with {@code csrDer} → certificate downloaded. Returns
     * the leaf, checked to name {@code name}.
     */
    X509Certificate issue(String name, byte[] csrDer) throws Exception;

    /** HTTP requests sent so far, or -1 when the client does not say. */
    long requests();

    /** Status polls (authorization or order) sent so far. */
    long polls();

    @Override
    void close();
}
