package dev.certa.core.csr;

import dev.certa.core.error.CertaException;

/**
 * What the server does with a CSR a client sent, before it has decided anything: check the
 * self-signature, read the subject, key, requested extensions and names. Each step may refuse the
 * CSR with a {@link CertaException}; any other exception escapes to the fuzzer as a finding.
 */
final class UntrustedCsr {
    private UntrustedCsr() {}

    static void use(Csr csr) {
        refusedOrDone(() -> csr.requireValidSignature("fuzz input"));
        refusedOrDone(csr::subject);
        refusedOrDone(csr::keyDescription);
        refusedOrDone(csr::signatureAlgorithm);
        refusedOrDone(csr::requestedExtensions);
        refusedOrDone(csr::subjectAltNames);
        refusedOrDone(csr::requestsCa);
    }

    private static void refusedOrDone(Runnable step) {
        try {
            step.run();
        } catch (CertaException refused) {
            // the CSR is refused with a reason: the expected outcome for most inputs
        }
    }
}
