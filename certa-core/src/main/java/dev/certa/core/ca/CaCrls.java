package dev.certa.core.ca;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.issue.CertificateAuthority;
import dev.certa.core.pem.PasswordSource;
import dev.certa.core.revocation.CrlBuilder;
import dev.certa.core.revocation.SignedCrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a fresh CRL for every CA in a {@link CaDirectory}, from its {@link CaLedger}: the root's CRL
 * lists the intermediates it revoked, each intermediate's lists the certificates it issued and that
 * were revoked. Relying parties that check the whole chain (nginx {@code ssl_crl}, {@code openssl
 * verify -crl_check_all}) need one for every CA above the leaf, the root's included.
 *
 * <p>Each CRL is a v2 CRL with a CRL number (kept in the ledger: recorded before the CRL is handed
 * out, so a number is never used twice), the authority key identifier, each entry's reason code, a
 * thisUpdate {@link #BACKDATE backdated} for clients whose clock is slow, and a nextUpdate. The
 * encoding is {@link CrlBuilder}'s, the same as {@code certa serve}'s CRLs.
 */
public final class CaCrls {
    /** thisUpdate is set this far in the past, as notBefore is for certificates. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    /** One CA's CRL; {@code fileBase} names its files: {@code root-ca}, {@code intermediate-ca}. */
    public record CaCrl(String fileBase, String issuer, SignedCrl crl) {}

    private final CaDirectory dir;

    public CaCrls(CaDirectory dir) {
        this.dir = dir;
    }

    /**
     * Signs the CRLs of the root and every intermediate, valid from {@code now} (backdated) until
     * {@code now + validity}. Every CA key is read first (with {@code passwords}); the CRL numbers are
     * then taken and recorded under the ledger's lock.
     */
    public List<CaCrl> sign(PasswordSource passwords, Instant now, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new CertaException(ErrorKind.USAGE, "the CRL's validity must be positive", "give e.g. --next-update 7d");
        }
        Map<String, CertificateAuthority> cas = new LinkedHashMap<>();
        cas.put("root", dir.rootCa(passwords));
        for (String slug : dir.intermediateSlugs()) {
            cas.put(slug, dir.issuingCa(slug, passwords));
        }
        Instant thisUpdate = now.minus(BACKDATE);
        Instant nextUpdate = now.plus(validity);
        return dir.ledger().transact(state -> {
            List<CaCrl> out = new ArrayList<>();
            List<LedgerRecord> numbers = new ArrayList<>();
            for (var e : cas.entrySet()) {
                String key = LedgerCertificate.keyId(e.getValue().certificate());
                SignedCrl crl = new CrlBuilder(e.getValue())
                        .number(state.nextCrlNumber(key))
                        .thisUpdate(thisUpdate)
                        .nextUpdate(nextUpdate)
                        .revoked(state.revokedBy(key, thisUpdate))
                        .sign();
                numbers.add(new LedgerCrlNumber(key, crl.number(), crl.thisUpdate()));
                out.add(new CaCrl(e.getKey().equals("root") ? "root-ca" : "intermediate-" + e.getKey(), e.getKey(), crl));
            }
            return new CaLedger.Change<>(numbers, List.copyOf(out));
        });
    }
}
