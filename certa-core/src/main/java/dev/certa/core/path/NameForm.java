package dev.certa.core.path;

import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/** The forms a GeneralName can take (RFC 5280 §4.2.1.6), with the tag each is encoded under. */
@NullMarked
enum NameForm {
    OTHER_NAME(0, "otherName", false),
    EMAIL(1, "email", true),
    DNS(2, "DNS", true),
    X400_ADDRESS(3, "x400Address", false),
    DIRECTORY(4, "DirName", true),
    EDI_PARTY(5, "ediPartyName", false),
    URI(6, "URI", true),
    IP(7, "IP", true),
    REGISTERED_ID(8, "registeredID", false);

    private final int tag;
    private final String label;
    private final boolean checkable;

    NameForm(int tag, String label, boolean checkable) {
        this.tag = tag;
        this.label = label;
        this.checkable = checkable;
    }

    /** "DNS", "IP", "email", "URI", "DirName", "otherName"…, as openssl prints them. */
    String label() {
        return label;
    }

    /** Whether certa can evaluate a name constraint of this form. */
    boolean checkable() {
        return checkable;
    }

    static Optional<NameForm> ofTag(int tag) {
        for (NameForm f : values()) {
            if (f.tag == tag) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
