/** PKCS#10 certificate signing requests: build, parse, verify. */
@NullMarked
package dev.certa.core.csr;

import org.jspecify.annotations.NullMarked;
