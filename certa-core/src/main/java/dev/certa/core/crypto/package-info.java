/** Choice of JCA providers: the native AWS-LC provider where it loads, Bouncy Castle otherwise. */
@NullMarked
package dev.certa.core.crypto;

import org.jspecify.annotations.NullMarked;
