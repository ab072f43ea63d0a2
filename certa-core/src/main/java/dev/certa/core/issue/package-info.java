/** Issuance: from a request and a profile to a signed certificate and its chain. */
@NullMarked
package dev.certa.core.issue;

import org.jspecify.annotations.NullMarked;
