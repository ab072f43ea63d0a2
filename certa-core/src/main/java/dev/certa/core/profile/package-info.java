/** Certificate profiles: the typed rules for what a root, intermediate, server or client certificate carries. */
@NullMarked
package dev.certa.core.profile;

import org.jspecify.annotations.NullMarked;
