/**
 * {@code certa serve}: the online CA. The layout follows who may touch what (Boulder's split):
 * {@code http} and {@code api} are the front end and never touch a key; {@code ra} decides who may
 * have which certificate (provisioner tokens, name policy); {@code signing} is the only package that
 * holds the CA key; {@code revocation} answers CRL and OCSP; {@code audit} keeps the hash-chained log;
 * storage is {@code certa-store}.
 */
@NullMarked
package dev.certa.server;

import org.jspecify.annotations.NullMarked;
