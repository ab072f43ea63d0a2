package dev.certa.server.http;

import java.util.Objects;

/**
 * An RFC 9457 problem document: what went wrong with a request, for a program ({@code type}, stable)
 * and for a person ({@code detail}, one plain sentence with the fix). Server faults carry only a
 * reference id, never internals.
 *
 * @param status the HTTP status
 * @param type a stable URI naming the kind of problem, {@code urn:certa:problem:<slug>}
 * @param title a short summary of the kind
 * @param detail what happened in this request and what to do
 */
public record Problem(int status, String type, String title, String detail) {
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, "urn:certa:problem:" + slug, title, detail);
    }
}
