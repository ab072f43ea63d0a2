@NullMarked
package dev.certa.server.config;

import org.jspecify.annotations.NullMarked;
