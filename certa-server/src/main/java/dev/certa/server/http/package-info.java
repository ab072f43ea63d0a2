@NullMarked
package dev.certa.server.http;

import org.jspecify.annotations.NullMarked;
