/** Reading and writing PEM and DER: certificates, CSRs, keys (plain, encrypted, legacy), CRLs. */
@NullMarked
package dev.certa.core.pem;

import org.jspecify.annotations.NullMarked;
