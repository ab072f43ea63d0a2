@NullMarked
package dev.certa.server.api;

import org.jspecify.annotations.NullMarked;
