package dev.certa.core.error;

/**
 * The closed set of reasons a certa operation can be refused. Each edge (CLI, server) maps a kind to
 * its own vocabulary: an exit code, an HTTP status, an RFC 8555 problem type.
 */
public enum ErrorKind {
    /** The input is not what was expected: not PEM/DER, truncated, the wrong kind of object. */
    BAD_INPUT,
    /** A password was needed and was missing or wrong. */
    WRONG_PASSWORD,
    /** The key type or size is not one certa accepts (DSA, RSA under 2048 bits, P-192…). */
    UNSUPPORTED_KEY,
    /** A signature (on a CSR, a certificate) does not verify. */
    BAD_SIGNATURE,
    /** A CA private key does not belong to the CA certificate it is used with. */
    KEY_MISMATCH,
    /** A pre-issuance lint stopped issuance. */
    LINT,
    /** A name (DNS, IP, email, URI, distinguished name) is not valid. */
    BAD_NAME,
    /** An output file exists and overwriting was not asked for. */
    ALREADY_EXISTS,
    /** A file or directory that was needed is missing. */
    NOT_FOUND,
    /** A file or directory exists but cannot be read or written. */
    IO,
    /**
     * A network peer could not be reached or did not speak the expected protocol: connection
     * refused, no answer in time, not TLS, closed mid-handshake.
     */
    NETWORK,
    /** A usage error: contradictory or missing options. */
    USAGE,
    /** A fault inside certa itself; never the user's input. */
    INTERNAL
}
