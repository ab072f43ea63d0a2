@NullMarked
package dev.certa.server.audit;

import org.jspecify.annotations.NullMarked;
