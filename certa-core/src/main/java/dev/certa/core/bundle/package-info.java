/** Bundles and keystores: chains, fullchain files, PKCS#12 and JKS. */
@NullMarked
package dev.certa.core.bundle;

import org.jspecify.annotations.NullMarked;
