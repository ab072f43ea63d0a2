package dev.certa.server.api;

import dev.certa.server.http.ProblemException;
import java.util.List;
import java.util.Locale;

/** RFC 5280 CRLReason codes by name, as the API and the CLI write them. */
public final class RevocationReasons {
    private static final List<String> NAMES = List.of("unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
            "superseded", "cessationOfOperation", "certificateHold", "", "removeFromCRL", "privilegeWithdrawn", "aACompromise");

    private RevocationReasons() {}

    /** The code of a reason given by name (any case) or number; certificateHold and removeFromCRL are refused. */
    public static int parse(String text) {
        String t = text.trim();
        for (int i = 0; i < NAMES.size(); i++) {
            if (!NAMES.get(i).isEmpty() && (NAMES.get(i).equalsIgnoreCase(t) || t.equals(Integer.toString(i)))) {
                if (i == 6 || i == 8) {
                    break;
                }
                return i;
            }
        }
        throw ProblemException.badRequest("bad-reason", "'" + text + "' is not a revocation reason certa accepts; use one of "
                + "unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn");
    }

    public static String name(int code) {
        return code >= 0 && code < NAMES.size() && !NAMES.get(code).isEmpty() ? NAMES.get(code) : Integer.toString(code);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
