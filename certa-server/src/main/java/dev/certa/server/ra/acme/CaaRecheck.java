package dev.certa.server.ra.acme;

import dev.certa.server.va.ValidationOutcome;

/**
 * The validation authority's CAA check, asked again before issuing on an authorization validated a
 * while ago (the domain's holder may have changed its CAA records since). Wired to
 * {@link dev.certa.server.va.ValidationAuthority#recheckCaa} at start-up.
 */
@FunctionalInterface
public interface CaaRecheck {
    /**
     * @param identifier {@code dns:example.com} or {@code dns:*.example.com}
     * @param method the challenge type the authorization was validated by
     * @param accountUri the URL of the account the certificate is for
     * @return valid, or invalid with the error type ({@code caa}, {@code dns}) and why
     */
    ValidationOutcome recheck(String identifier, String method, String accountUri);
}
