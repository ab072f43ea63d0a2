/** Names in certificates: subject alternative names and distinguished names. */
@NullMarked
package dev.certa.core.name;

import org.jspecify.annotations.NullMarked;
