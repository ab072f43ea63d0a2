package dev.certa.server.http;

/** Answers one kind of request. Throws {@link ProblemException} (or a CertaException) to refuse it. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(ApiRequest request);
}
