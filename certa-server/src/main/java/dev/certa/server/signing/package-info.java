@NullMarked
package dev.certa.server.signing;

import org.jspecify.annotations.NullMarked;
