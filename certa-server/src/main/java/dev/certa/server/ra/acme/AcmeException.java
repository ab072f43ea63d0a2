package dev.certa.server.ra.acme;

/** Refuses an ACME request with an RFC 8555 problem: the front end turns it into the problem document. */
public final class AcmeException extends RuntimeException {
    private final AcmeError error;
    private final int status;

    public AcmeException(AcmeError error, String detail) {
        this(error, error.status(), detail);
    }

    public AcmeException(AcmeError error, int status, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.status = status;
    }

    public AcmeError error() {
        return error;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
