package dev.certa.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin's word that a certificate must be replaced early: its renewal information (RFC 9773) then
 * suggests renewing it now.
 *
 * @param since when the admin asked
 * @param explanation a URL telling the subscriber why, if given
 */
public record AcmeRenewalHint(BigInteger serial, Instant since, Optional<String> explanation) {}
