/**
 * The validation authority: proves control of names over the network (http-01, dns-01, tls-alpn-01) and checks CAA. It talks to the Internet and holds no key: nothing here may import the signer, key loading or the CA.
 */
@NullMarked
package dev.certa.server.va;

import org.jspecify.annotations.NullMarked;
