/** certa's domain library. */
@NullMarked
package dev.certa.core;

import org.jspecify.annotations.NullMarked;
