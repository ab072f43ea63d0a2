/**
 * Capturing what a TLS server presents: {@link dev.certa.core.probe.TlsProbe} runs one real JSSE
 * handshake that records the certificate list in the order sent, the negotiated version, cipher
 * suite and ALPN protocol, any stapled OCSP response and any request for a client certificate,
 * without trusting the server and without sending it any application data.
 */
@NullMarked
package dev.certa.core.probe;

import org.jspecify.annotations.NullMarked;
