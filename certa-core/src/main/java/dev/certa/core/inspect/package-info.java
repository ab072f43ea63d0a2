/** Inspection: a model of what a person asks about a certificate, CSR or key, rendered as text or JSON. */
@NullMarked
package dev.certa.core.inspect;

import org.jspecify.annotations.NullMarked;
