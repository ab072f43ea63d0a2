package dev.certa.core.path;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import java.security.cert.X509Certificate;
import java.util.List;

/** One validation: builds candidate paths and validates them (being implemented on helper/path). */
final class PathSearch {
    PathSearch(X509Certificate leaf, List<X509Certificate> untrusted, List<TrustStore> stores, ValidationOptions options) {}

    Verdict run() {
        throw new CertaException(ErrorKind.INTERNAL, "path validation is being implemented (API preview)", null);
    }
}
