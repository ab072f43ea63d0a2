/** Writing files safely: all-or-nothing sets of files, written atomically, secrets 0600. */
@NullMarked
package dev.certa.core.io;

import org.jspecify.annotations.NullMarked;
