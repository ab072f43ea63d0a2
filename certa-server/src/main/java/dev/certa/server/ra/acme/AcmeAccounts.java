package dev.certa.server.ra.acme;

import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts: created for a key (one per key), looked up, contacts changed, deactivated for good. */
public final class AcmeAccounts {
    private static final int MAX_CONTACTS = 10;
    private final AcmeLedger ledger;
    private final Clock clock;
    private final Ids ids;
    private final AcmePolicy policy;

    public AcmeAccounts(AcmeLedger ledger, Clock clock, SecureRandom random, AcmePolicy policy) {
        this.ledger = ledger;
        this.clock = clock;
        this.ids = new Ids(random);
        this.policy = policy;
    }

    /** What a newAccount request resolved to, and whether it was created now. */
    public record Registration(AcmeAccount account, boolean created) {}

    /**
     * newAccount: the existing account of this key, or a new one.
     *
     * @param onlyReturnExisting look up only; {@code accountDoesNotExist} when there is none
     */
    public Registration register(String keyThumbprint, String jwk, List<String> contacts, boolean termsAgreed,
            boolean onlyReturnExisting) {
        Optional<AcmeAccount> existing = ledger.accountByKey(keyThumbprint);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        if (onlyReturnExisting) {
            throw new AcmeException(AcmeError.ACCOUNT_DOES_NOT_EXIST, "no account exists for this key");
        }
        if (policy.termsOfService().isPresent() && !termsAgreed) {
            throw new AcmeException(AcmeError.USER_ACTION_REQUIRED, "agree to the terms of service at "
                    + policy.termsOfService().get() + " (termsOfServiceAgreed: true)");
        }
        String id = ids.id();
        AcmeAccount made = ledger.createAccount(new AcmeAccount(id, keyThumbprint, jwk, checked(contacts),
                AcmeStatus.VALID, clock.instant()));
        return new Registration(made, made.id().equals(id)); // another node may have won the race for this key
    }

    public Optional<AcmeAccount> find(String id) {
        return ledger.account(id);
    }

    public Optional<AcmeAccount> findByKey(String keyThumbprint) {
        return ledger.accountByKey(keyThumbprint);
    }

    /** Key rollover: the account's key becomes the new one, unless it changed meanwhile or the new one is taken. */
    public AcmeAccount changeKey(AcmeAccount account, String newThumbprint, String newJwk) {
        if (!ledger.changeKey(account.id(), account.keyThumbprint(), newThumbprint, newJwk)) {
            throw new AcmeException(AcmeError.MALFORMED, 409, "the key changed meanwhile, or the new key belongs to another account");
        }
        return ledger.account(account.id()).orElseThrow();
    }

    /** Changes contacts and/or deactivates (the only status change a client may ask for). */
    public AcmeAccount update(AcmeAccount account, Optional<List<String>> contacts, Optional<String> status) {
        AcmeStatus newStatus = account.status();
        if (status.isPresent()) {
            if (!status.get().equals("deactivated")) {
                throw new AcmeException(AcmeError.MALFORMED, "an account's status can only be changed to \"deactivated\"");
            }
            newStatus = AcmeStatus.DEACTIVATED;
        }
        List<String> newContacts = contacts.map(AcmeAccounts::checked).orElse(account.contacts());
        ledger.updateAccount(account.id(), newContacts, newStatus);
        return account.with(newContacts, newStatus);
    }

    static List<String> checked(List<String> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw new AcmeException(AcmeError.MALFORMED, "at most " + MAX_CONTACTS + " contacts");
        }
        for (String c : contacts) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("mailto:") || c.length() > 254 || !c.substring(7).matches("[^@\\s,<>?]+@[A-Za-z0-9.-]+")) {
                throw new AcmeException(AcmeError.MALFORMED, "'" + c + "' is not a contact certa accepts: use mailto:user@example.com");
            }
        }
        return contacts;
    }
}
