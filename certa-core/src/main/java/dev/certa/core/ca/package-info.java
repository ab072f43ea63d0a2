/** A CA directory on disk: root and intermediates, their encrypted keys, written atomically. */
@NullMarked
package dev.certa.core.ca;

import org.jspecify.annotations.NullMarked;
