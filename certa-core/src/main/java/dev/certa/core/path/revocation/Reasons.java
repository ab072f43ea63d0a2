package dev.certa.core.path.revocation;

/** RFC 5280 5.3.1 CRLReason codes by name. */
final class Reasons {
    static final int REMOVE_FROM_CRL = 8;

    private Reasons() {}

    static String name(int code) {
        return switch (code) {
            case 0 -> "unspecified";
            case 1 -> "keyCompromise";
            case 2 -> "cACompromise";
            case 3 -> "affiliationChanged";
            case 4 -> "superseded";
            case 5 -> "cessationOfOperation";
            case 6 -> "certificateHold";
            case 8 -> "removeFromCRL";
            case 9 -> "privilegeWithdrawn";
            case 10 -> "aACompromise";
            default -> "reason code " + code;
        };
    }
}
