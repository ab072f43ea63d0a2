/** Pre-issuance lints: checks that stop a bad certificate before it is signed. */
@NullMarked
package dev.certa.core.lint;

import org.jspecify.annotations.NullMarked;
