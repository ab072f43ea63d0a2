package dev.certa.server.ra;

import java.time.Instant;
import java.util.List;

/**
 * A one-time token that checked out: signed by a known provisioner, for this CA, in date, and not used
 * before on any node.
 *
 * @param provisioner who signed it
 * @param subject its {@code sub} claim (the first name, by convention)
 * @param names the names it authorises ({@code sans} claim), lower-cased
 * @param tokenId its {@code jti}
 * @param expiresAt its {@code exp}
 */
public record VerifiedToken(Provisioner provisioner, String subject, List<String> names, String tokenId, Instant expiresAt) {
    public VerifiedToken {
        names = List.copyOf(names);
    }

    /** How the audit log and the store name who asked. */
    public String requester() {
        return "provisioner:" + provisioner.name() + "/" + subject;
    }
}
