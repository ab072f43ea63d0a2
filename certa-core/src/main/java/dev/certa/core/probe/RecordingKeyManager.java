package dev.certa.core.probe;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * Learns whether the server asked for a client certificate and which CAs it accepts: JSSE asks the
 * key manager to choose a client certificate only when the server sent a CertificateRequest. With
 * an identity, it is presented whatever CAs the server lists (as {@code openssl s_client -cert}
 * does), so that a server's refusal of the certificate itself becomes visible.
 */
final class RecordingKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "client";

    private final Optional<ClientIdentity> identity;
    private final Set<X500Principal> issuers = new LinkedHashSet<>();
    private final Set<String> keyTypes = new LinkedHashSet<>();
    private boolean requested;
    private boolean sent;

    RecordingKeyManager(Optional<ClientIdentity> identity) {
        this.identity = identity;
    }

    synchronized Optional<ClientCertificateRequest> request() {
        return requested ? Optional.of(new ClientCertificateRequest(new ArrayList<>(issuers), new ArrayList<>(keyTypes), sent))
                : Optional.empty();
    }

    @Override
    public synchronized @Nullable String chooseClientAlias(String @Nullable [] types, Principal @Nullable [] accepted, @Nullable Socket socket) {
        requested = true;
        if (accepted != null) {
            for (Principal p : accepted) {
                issuers.add(p instanceof X500Principal x ? x : new X500Principal(p.getName()));
            }
        }
        if (types != null) {
            keyTypes.addAll(List.of(types));
        }
        if (identity.isPresent() && types != null && List.of(types).contains(identity.get().keyAlgorithm())) {
            sent = true;
            return ALIAS;
        }
        return null;
    }

    @Override
    public @Nullable String chooseEngineClientAlias(String @Nullable [] types, Principal @Nullable [] accepted, @Nullable SSLEngine engine) {
        return chooseClientAlias(types, accepted, (Socket) null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] accepted) {
        return identity.isPresent() ? new String[] {ALIAS} : new String[0];
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(String alias) {
        return identity.map(i -> i.chain().toArray(X509Certificate[]::new)).orElse(null);
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(String alias) {
        return identity.map(ClientIdentity::key).orElse(null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] accepted) {
        return new String[0];
    }

    @Override
    public @Nullable String chooseServerAlias(String keyType, Principal[] accepted, Socket socket) {
        return null;
    }
}
