/** Key types, key generation and the Signer seam that hides where a private key lives. */
@NullMarked
package dev.certa.core.key;

import org.jspecify.annotations.NullMarked;
