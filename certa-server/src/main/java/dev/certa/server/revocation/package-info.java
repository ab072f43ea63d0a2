@NullMarked
package dev.certa.server.revocation;

import org.jspecify.annotations.NullMarked;
