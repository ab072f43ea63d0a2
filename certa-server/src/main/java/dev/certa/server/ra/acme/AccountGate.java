package dev.certa.server.ra.acme;

import dev.certa.core.io.Durations;
import dev.certa.server.config.AcmePolicyConfig.AccountLimits;
import dev.certa.server.config.AcmePolicyConfig.RateLimit;
import dev.certa.store.AcmeAccountLimit;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The limits on new accounts ({@code acme.rate-limit.accounts-per-ip}, {@code acme.rate-limit.new-accounts}):
 * a flood of newAccount requests would otherwise store accounts forever. They are not counted here but handed
 * to the store with the account, which counts and stores in one step, so they hold exactly across requests and
 * nodes; a refusal says when to try again.
 *
 * <p>A client is counted by the address of its TCP connection: an IPv4 address, or the /64 prefix of an IPv6
 * one (a single host usually holds a whole /64, as Let's Encrypt counts). Behind a reverse proxy every client
 * shares the proxy's address, so there the per-address limit counts the proxy.
 */
final class AccountGate {
    static final String PER_ADDRESS_SETTING = "acme.rate-limit.accounts-per-ip";
    static final String OVERALL_SETTING = "acme.rate-limit.new-accounts";
    private final AccountLimits limits;
    private final Clock clock;

    AccountGate(AccountLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** What a client at {@code address} is counted by: an IPv4 address, an IPv6 /64 prefix, or "unknown" without one. */
    static String counted(Optional<InetAddress> address) {
        if (address.isEmpty()) {
            return "unknown";
        }
        byte[] bytes = address.get().getAddress();
        if (address.get() instanceof Inet4Address) {
            return address.get().getHostAddress();
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** The limits a new account from {@code clientAddress} (as {@link #counted} gives it) must stay within. */
    List<AcmeAccountLimit> limitsFor(String clientAddress, Instant now) {
        List<AcmeAccountLimit> out = new ArrayList<>();
        limits.perClientAddress().ifPresent(l -> out.add(AcmeAccountLimit.perClientAddress(clientAddress, now.minus(l.window()), l.count())));
        limits.overall().ifPresent(l -> out.add(AcmeAccountLimit.overall(now.minus(l.window()), l.count())));
        return out;
    }

    /** Refuses, {@code rateLimited} with when to try again, an account the store did not take because it {@code reached} a limit. */
    AcmeException refuse(AcmeAccountLimit.Reached reached) {
        boolean perAddress = reached.limit().scope() == AcmeAccountLimit.Scope.CLIENT_ADDRESS;
        RateLimit limit = (perAddress ? limits.perClientAddress() : limits.overall()).orElseThrow();
        Instant now = clock.instant();
        Instant eases = reached.counted().oldest().orElse(now).plus(limit.window());
        Duration wait = Duration.between(now, eases);
        Duration retry = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        String who = perAddress ? "your address (" + reached.limit().clientAddress().orElseThrow() + ") has" : "this CA has";
        return AcmeException.rateLimited(who + " already created " + reached.counted().count() + " new accounts in the last "
                + Durations.describe(limit.window()) + ", the most this CA allows (" + (perAddress ? PER_ADDRESS_SETTING : OVERALL_SETTING)
                + " = " + limit.count() + "/" + Durations.describe(limit.window()) + "); reuse an account you have, or try again after "
                + eases.truncatedTo(ChronoUnit.SECONDS), retry);
    }
}
