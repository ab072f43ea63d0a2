package dev.certa.server.va;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** dns-01 (RFC 8555 section 8.4): a TXT record at {@code _acme-challenge.NAME} holding the key authorization's digest. */
final class Dns01Validator {
    private final DnsClient dns;

    Dns01Validator(DnsClient dns) {
        this.dns = dns;
    }

    ValidationOutcome validate(ValidationRequest r) {
        if (r.isIp()) {
            return ValidationOutcome.invalid("malformed", "dns-01 cannot validate an IP address");
        }
        String name = "_acme-challenge." + r.identifierValue().replaceFirst("^\\*\\.", "");
        String expected = digest(r.keyAuthorization());
        List<String> found;
        try {
            found = dns.txt(name);
        } catch (DnsClient.DnsFailure e) {
            return new ValidationOutcome.Invalid("dns", e.getMessage(), e.retryable());
        }
        if (found.contains(expected)) {
            return new ValidationOutcome.Valid();
        }
        return ValidationOutcome.invalid("incorrectResponse", found.isEmpty() ? "no TXT record found at " + name
                : "the TXT records at " + name + " (" + found.size() + ") do not hold the expected digest of the key authorization");
    }

    static String digest(String keyAuthorization) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
