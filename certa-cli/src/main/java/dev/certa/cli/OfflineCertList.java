package dev.certa.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certa.core.ca.CaDirectory;
import dev.certa.core.ca.LedgerCertificate;
import dev.certa.core.ca.LedgerState;
import dev.certa.core.ca.LedgerStatus;
import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.Durations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 'certa certs --dir CA': lists and searches an offline CA's ledger. */
final class OfflineCertList {
    private final Env env;

    OfflineCertList(Env env) {
        this.env = env;
    }

    /** The filters of 'certa certs' that apply to the ledger. */
    record Query(Optional<String> name, Optional<String> status, Optional<String> expiringWithin, boolean json) {}

    int print(Optional<String> dirOption, Query q) {
        if (dirOption.isEmpty()) {
            throw new CertaException(ErrorKind.USAGE, "--expiring-within searches an offline CA's ledger",
                    "give the CA directory with --dir");
        }
        CaDirectory ca = new CaDirectory(env.caDirectory(dirOption));
        ca.rootCertificate(); // a clear error when DIR holds no CA
        Optional<LedgerStatus> wanted = q.status().map(OfflineCertList::status);
        Instant now = env.clock().instant();
        Optional<Instant> expiresBy = q.expiringWithin().map(d -> now.plus(Durations.parse(d, "--expiring-within")));
        LedgerState state = ca.ledger().read();
        state.damage().ifPresent(d -> env.err().println("certa: warning: " + ca.ledger().file() + ": " + d));
        List<LedgerCertificate> found = new ArrayList<>();
        for (LedgerCertificate c : state.certificates()) {
            LedgerStatus s = state.status(c, now);
            if (q.name().map(c::mentions).orElse(true) && wanted.map(s::equals).orElse(true)
                    && expiresBy.map(by -> s == LedgerStatus.VALID && !c.notAfter().isAfter(by)).orElse(true)) {
                found.add(c);
            }
        }
        PrintWriter out = env.out();
        if (q.json()) {
            out.println(json(ca, state, found, now).toPrettyString());
            return 0;
        }
        out.printf("%-34s %-8s %-21s %-14s %s%n", "SERIAL", "STATUS", "NOT AFTER", "ISSUER", "NAMES");
        for (LedgerCertificate c : found) {
            out.printf("%-34s %-8s %-21s %-14s %s%n", c.serialHex(), state.status(c, now).id(), c.notAfter(), c.issuer(),
                    c.names().isEmpty() ? c.subject() : String.join(", ", c.names()));
        }
        out.println(found.size() + " certificate" + (found.size() == 1 ? "" : "s") + " in " + ca.ledger().file());
        return 0;
    }

    private static ObjectNode json(CaDirectory ca, LedgerState state, List<LedgerCertificate> found, Instant now) {
        ObjectNode root = CaClient.json().createObjectNode();
        root.put("ledger", ca.ledger().file().toString());
        state.damage().ifPresent(d -> root.put("damage", d));
        ArrayNode certs = root.putArray("certificates");
        for (LedgerCertificate c : found) {
            ObjectNode n = certs.addObject();
            n.put("serial", c.serialHex());
            n.put("status", state.status(c, now).id());
            n.put("issuer", c.issuer());
            n.put("subject", c.subject());
            ArrayNode names = n.putArray("names");
            c.names().forEach(names::add);
            n.put("profile", c.profile());
            n.put("notBefore", c.notBefore().toString());
            n.put("notAfter", c.notAfter().toString());
            state.revocation(c.serial()).ifPresent(v -> {
                n.put("revokedAt", v.revokedAt().toString());
                n.put("reason", v.reason().rfcName());
            });
        }
        return root;
    }

    private static LedgerStatus status(String text) {
        return Arrays.stream(LedgerStatus.values()).filter(s -> s.id().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new CertaException(ErrorKind.USAGE, "--status '" + text + "' is not a status",
                        "use valid, revoked or expired"));
    }
}
