@NullMarked
package dev.certa.server.ra;

import org.jspecify.annotations.NullMarked;
