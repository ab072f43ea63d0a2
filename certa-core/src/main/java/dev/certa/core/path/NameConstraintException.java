package dev.certa.core.path;

/** TEMPORARY stand-in until helper/names is merged (replaced by that branch's class). */
public final class NameConstraintException extends Exception {
    private static final long serialVersionUID = 1L;

    public NameConstraintException(String message) {
        super(message);
    }
}
