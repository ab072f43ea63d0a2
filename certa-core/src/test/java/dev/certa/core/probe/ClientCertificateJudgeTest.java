package dev.certa.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certa.core.key.KeyType;
import dev.certa.core.profile.Profile;
import dev.certa.core.testing.TestPki;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * What probe says about the client side when the handshake finished: the server may still refuse every
 * request (nginx ssl_verify_client on answers 400), so a missing certificate, one without clientAuth,
 * or one from a CA the server did not list is a warning.
 */
class ClientCertificateJudgeTest {
    private static final TestPki PKI = new TestPki(KeyType.EC_P256, "Judge");
    private static final TestPki OTHER = new TestPki(KeyType.EC_P256, "Elsewhere");
    private static final X500Principal LISTED = PKI.root.certificate().getSubjectX500Principal();

    private static ClientIdentity identity(TestPki pki, Profile profile) {
        TestPki.Leaf leaf = pki.leaf(profile, "alice.judge.test");
        return new ClientIdentity(leaf.key().getPrivate(), List.of(leaf.issued().certificate(), pki.intermediate.certificate()));
    }

    private static Optional<ClientCertificateRequest> asked(boolean sent) {
        return Optional.of(new ClientCertificateRequest(List.of(LISTED), List.of("EC", "RSA"), sent));
    }

    @Test
    void noRequestNoWarning() {
        assertThat(ClientCertificateJudge.judge(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void askedAndNoneSentIsAWarningThatTheServerMayRefuseLater() {
        List<Handshake.ClientWarning> w = ClientCertificateJudge.judge(asked(false), Optional.empty());
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.reason()).startsWith("the server asked for a client certificate and none was sent")
                    .contains("may still refuse every request after the handshake", "answers 400");
            assertThat(x.fix()).contains("--cert FILE --key FILE");
        });
    }

    @Test
    void aServerCertificateSentAsClientCertificateLacksClientAuth() {
        List<Handshake.ClientWarning> w = ClientCertificateJudge.judge(asked(true), Optional.of(identity(PKI, new Profile.TlsServer())));
        assertThat(w).singleElement().satisfies(x -> assertThat(x.reason()).contains("lacks the extended key usage clientAuth"));
    }

    @Test
    void aClientCertificateFromACaTheServerDidNotListIsAWarning() {
        List<Handshake.ClientWarning> w = ClientCertificateJudge.judge(asked(true), Optional.of(identity(OTHER, new Profile.TlsClient())));
        assertThat(w).singleElement().satisfies(x -> assertThat(x.reason())
                .contains("is not issued by a CA the server lists (" + LISTED.getName() + ")"));
    }

    @Test
    void aClientCertificateUnderTheListedRootDrawsNoWarning() {
        assertThat(ClientCertificateJudge.judge(asked(true), Optional.of(identity(PKI, new Profile.TlsClient())))).isEmpty();
    }
}
