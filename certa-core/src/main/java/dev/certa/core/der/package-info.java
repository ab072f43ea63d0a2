/** Small DER writing helpers shared by issuance and revocation encoding. */
@NullMarked
package dev.certa.core.der;

import org.jspecify.annotations.NullMarked;
