/** certa's error vocabulary: one exception type with a closed set of kinds, a reason and a fix. */
@NullMarked
package dev.certa.core.error;

import org.jspecify.annotations.NullMarked;
