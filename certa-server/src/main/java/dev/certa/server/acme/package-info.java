/**
 * The ACME front end (RFC 8555): directory, nonces, JWS verification, resources as JSON, problem documents. Policy and workflow live in the RA (dev.certa.server.ra.acme).
 */
@NullMarked
package dev.certa.server.acme;

import org.jspecify.annotations.NullMarked;
