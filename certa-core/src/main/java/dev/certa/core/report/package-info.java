/**
 * Trust reports: the verdict of path validation on a chain from files or from a live TLS handshake,
 * with the path drawn leaf to root, each link's status, the problems with their fixes and the
 * warnings, rendered as text for people and as JSON for scripts. The {@code verify} and {@code probe}
 * commands print the same report; a probe adds what the connection showed.
 */
@NullMarked
package dev.certa.core.report;

import org.jspecify.annotations.NullMarked;
