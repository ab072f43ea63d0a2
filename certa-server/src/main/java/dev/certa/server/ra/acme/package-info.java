/**
 * The ACME registration authority: accounts, orders, authorizations and challenges, and what may be issued for them. It asks the validation authority to validate and the signing service (through a narrow interface) to issue.
 */
@NullMarked
package dev.certa.server.ra.acme;

import org.jspecify.annotations.NullMarked;
