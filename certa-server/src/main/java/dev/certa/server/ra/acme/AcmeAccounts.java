package dev.certa.server.ra.acme;

import dev.certa.server.audit.AuditEvent;
import dev.certa.server.audit.AuditLog;
import dev.certa.server.config.AcmePolicyConfig.ExternalAccountBinding;
import dev.certa.store.AcmeAccount;
import dev.certa.store.AcmeAccountLimit;
import dev.certa.store.AcmeLedger;
import dev.certa.store.AcmeStatus;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Accounts: created for a key (one per key, with an External Account Binding when configured), looked up,
 * contacts changed, deactivated for good. Creation, the binding of an External Account Binding key, key
 * rollover and deactivation are audited, the account named by its URL.
 */
public final class AcmeAccounts {
    private static final int MAX_CONTACTS = 10;
    private final AcmeLedger ledger;
    private final Clock clock;
    private final Ids ids;
    private final AcmePolicy policy;
    private final AuditLog audit;
    private final Function<String, String> accountUrl;
    private final AccountGate gate;

    /** @param accountUrl the URL of the account with an id, which audit lines name it by (as issuances do) */
    public AcmeAccounts(AcmeLedger ledger, Clock clock, SecureRandom random, AcmePolicy policy, AuditLog audit,
            Function<String, String> accountUrl) {
        this.ledger = ledger;
        this.clock = clock;
        this.ids = new Ids(clock, random);
        this.policy = policy;
        this.audit = audit;
        this.accountUrl = accountUrl;
        this.gate = new AccountGate(policy.newAccounts(), clock);
    }

    /** What a newAccount request resolved to, and whether it was created now. */
    public record Registration(AcmeAccount account, boolean created) {}

    /**
     * A newAccount request.
     *
     * @param onlyReturnExisting look up only; {@code accountDoesNotExist} when there is none
     * @param eabKeyId the External Account Binding key whose MAC the front end verified, if the request had one
     * @param clientAddress the address of the connection the request came over, which new-account limits count by
     */
    public record NewAccount(String keyThumbprint, String jwk, List<String> contacts, boolean termsAgreed,
            boolean onlyReturnExisting, Optional<String> eabKeyId, Optional<InetAddress> clientAddress) {}

    /**
     * newAccount: the existing account of this key, or a new one. With External Account Binding on, a
     * new account binds the key it showed (each key binds one account, on any node); when it is
     * required, an account without one is refused. A new account (not an existing key's) counts against the
     * limits on new accounts; over one, it is refused {@code rateLimited} and nothing is stored.
     */
    public Registration register(NewAccount request) {
        Optional<AcmeAccount> existing = ledger.accountByKey(request.keyThumbprint());
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        if (request.onlyReturnExisting()) {
            throw new AcmeException(AcmeError.ACCOUNT_DOES_NOT_EXIST, "no account exists for this key");
        }
        if (policy.termsOfService().isPresent() && !request.termsAgreed()) {
            throw new AcmeException(AcmeError.USER_ACTION_REQUIRED, "agree to the terms of service at "
                    + policy.termsOfService().get() + " (termsOfServiceAgreed: true)");
        }
        Optional<String> binding = policy.eab() == ExternalAccountBinding.OFF ? Optional.empty() : request.eabKeyId();
        if (policy.eab() == ExternalAccountBinding.REQUIRED && binding.isEmpty()) {
            throw new AcmeException(AcmeError.EXTERNAL_ACCOUNT_REQUIRED, "this CA creates accounts only with an External Account"
                    + " Binding: ask its admin for a key id and MAC key ('certa acme eab add') and give both to your ACME client"
                    + " (e.g. certbot --eab-kid KID --eab-hmac-key KEY)");
        }
        List<String> contacts = checked(request.contacts());
        String id = ids.id();
        Instant now = clock.instant();
        if (binding.isPresent() && !ledger.bindEabKey(binding.get(), id, now)) {
            boolean revoked = ledger.eabKey(binding.get()).flatMap(k -> k.revokedAt()).isPresent();
            throw new AcmeException(AcmeError.UNAUTHORIZED, "the External Account Binding key " + binding.get()
                    + (revoked ? " was revoked by the CA's admin" : " is already bound to another account; each key creates one account")
                    + ", so ask the CA's admin for a new one");
        }
        String address = AccountGate.counted(request.clientAddress());
        AcmeAccount made = switch (ledger.createAccount(new AcmeAccount(id, request.keyThumbprint(), request.jwk(), contacts,
                AcmeStatus.VALID, now), address, gate.limitsFor(address, now))) {
            case AcmeAccountLimit.Stored stored -> stored.account();
            case AcmeAccountLimit.Reached reached -> {
                binding.ifPresent(k -> ledger.unbindEabKey(k, id));
                throw gate.refuse(reached);
            }
        };
        boolean created = made.id().equals(id); // another node may have won the race for this key
        if (!created) {
            binding.ifPresent(k -> ledger.unbindEabKey(k, id));
            return new Registration(made, false);
        }
        audited(id, "acme-account-create", "key " + request.keyThumbprint());
        binding.ifPresent(k -> audited(id, "acme-eab-bind", "External Account Binding key " + k + " bound account " + id));
        return new Registration(made, true);
    }

    /** An admin's deactivation: the account can no longer be used (RFC 8555 section 7.3.6). The account as it is now. */
    public Optional<AcmeAccount> deactivate(String id) {
        Optional<AcmeAccount> a = ledger.account(id);
        if (a.isEmpty() || a.get().status() == AcmeStatus.DEACTIVATED) {
            return a;
        }
        ledger.updateAccount(id, a.get().contacts(), AcmeStatus.DEACTIVATED);
        audit.append(new AuditEvent("admin", "acme-account-deactivate", Optional.empty(), List.of(), "ok", accountUrl.apply(id)));
        return ledger.account(id);
    }

    public Optional<AcmeAccount> find(String id) {
        return ledger.account(id);
    }

    /** Accounts oldest first, {@code limit} at a time, after the account {@code after} (for admins). */
    public List<AcmeAccount> list(int limit, Optional<String> after) {
        return ledger.accounts(limit, after);
    }

    public Optional<AcmeAccount> findByKey(String keyThumbprint) {
        return ledger.accountByKey(keyThumbprint);
    }

    /** Key rollover: the account's key becomes the new one, unless it changed meanwhile or the new one is taken. */
    public AcmeAccount changeKey(AcmeAccount account, String newThumbprint, String newJwk) {
        if (!ledger.changeKey(account.id(), account.keyThumbprint(), newThumbprint, newJwk)) {
            throw new AcmeException(AcmeError.MALFORMED, 409, "the key changed meanwhile, or the new key belongs to another account");
        }
        audited(account.id(), "acme-account-key-change", "key " + account.keyThumbprint() + " replaced by key " + newThumbprint);
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
        if (newStatus != account.status()) {
            audited(account.id(), "acme-account-deactivate", "by the account's key holder");
        }
        return account.with(newContacts, newStatus);
    }

    private void audited(String accountId, String action, String detail) {
        audit.append(new AuditEvent(accountUrl.apply(accountId), action, Optional.empty(), List.of(), "ok", detail));
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
