package dev.certa.server.va;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * tls-alpn-01 (RFC 8737): the CA opens TLS to the identifier's address on port 443, naming the
 * identifier in SNI and offering only the ALPN protocol {@code acme-tls/1}. A server that proves
 * control answers, for that protocol only, with a self-signed certificate made for the challenge:
 * its one subjectAltName is the identifier, and its critical {@code id-pe-acmeIdentifier} extension
 * (1.3.6.1.5.5.7.1.31) holds the SHA-256 digest of the key authorization as a DER OCTET STRING. The
 * certificate is not trusted in the PKI sense (nothing chains it to a root): the digest, which only
 * the account's key holder can compute for this token, is the proof.
 *
 * <p>For an IP identifier (RFC 8738 section 6) the SNI is the address's reverse-DNS name
 * ({@code 1.2.0.192.in-addr.arpa}), and the subjectAltName the address itself.
 */
final class TlsAlpn01Validator {
    static final String ACME_TLS_1 = "acme-tls/1";
    static final String ACME_IDENTIFIER_OID = "1.3.6.1.5.5.7.1.31";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private final ValidationSettings settings;
    private final Targets targets;

    TlsAlpn01Validator(ValidationSettings settings, Targets targets) {
        this.settings = settings;
        this.targets = targets;
    }

    ValidationOutcome validate(ValidationRequest r, Deadline deadline) {
        if (r.isWildcard()) {
            return ValidationOutcome.invalid("malformed", "tls-alpn-01 cannot validate a wildcard; use dns-01");
        }
        try {
            InetAddress address = targets.resolve(r.identifierValue(), "rejectedIdentifier");
            String sni = r.isIp() ? reverseName(address) : r.identifierValue();
            X509Certificate presented = handshake(address, sni, deadline);
            checkNames(presented, r);
            checkDigest(presented, r.keyAuthorization());
            return new ValidationOutcome.Valid();
        } catch (Refusal e) {
            return e.outcome();
        }
    }

    /** Connects, offers acme-tls/1 only, and returns the one certificate the server sent. */
    private X509Certificate handshake(InetAddress address, String sni, Deadline deadline) throws Refusal {
        String where = address.getHostAddress() + " port " + settings.tlsAlpn01Port() + " (SNI " + sni + ")";
        Certificate[] chain;
        String protocol;
        try (SSLSocket s = (SSLSocket) AnyCertificate.freshContext().getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(address, settings.tlsAlpn01Port()), deadline.remainingMillis());
            s.setSoTimeout(deadline.remainingMillis());
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(sni)));
            p.setApplicationProtocols(new String[] {ACME_TLS_1});
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            s.setSSLParameters(p);
            try (Deadline.Watchdog w = deadline.closeWhenPassed(s)) {
                s.startHandshake();
            }
            protocol = s.getApplicationProtocol();
            chain = s.getSession().getPeerCertificates();
        } catch (SSLException e) {
            throw new Refusal("tls", "the TLS handshake with " + where + " failed: "
                    + (deadline.passed() ? deadline.ranOut() : e.getMessage()));
        } catch (IOException e) {
            throw new Refusal("connection", "connecting to " + where + " failed: "
                    + (deadline.passed() ? deadline.ranOut() : e.getMessage()), Targets.unreachable(e, deadline));
        }
        if (!ACME_TLS_1.equals(protocol)) {
            throw new Refusal("incorrectResponse", where + " did not agree to the ALPN protocol acme-tls/1"
                    + (protocol == null || protocol.isEmpty() ? "" : " (it chose '" + protocol + "')")
                    + "; serve the validation certificate for that protocol");
        }
        if (chain.length != 1 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new Refusal("incorrectResponse", where + " sent " + chain.length
                    + " certificates; tls-alpn-01 expects only the self-signed validation certificate");
        }
        return leaf;
    }

    /** The certificate's subjectAltNames must be exactly the identifier. */
    private static void checkNames(X509Certificate c, ValidationRequest r) throws Refusal {
        Collection<List<?>> sans;
        try {
            sans = c.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new Refusal("incorrectResponse", "the validation certificate's subjectAltName extension is malformed");
        }
        String value = r.identifierValue();
        boolean exact = sans != null && sans.size() == 1 && sans.stream().allMatch(san -> {
            int type = (Integer) san.get(0);
            String name = String.valueOf(san.get(1));
            return r.isIp() ? type == SAN_IP && sameAddress(name, value) : type == SAN_DNS && name.equalsIgnoreCase(value);
        });
        if (!exact) {
            throw new Refusal("incorrectResponse", "the validation certificate must name exactly " + value
                    + " in its subjectAltName, but names " + (sans == null ? "nothing" : describe(sans)));
        }
    }

    /** The critical acmeIdentifier extension must hold DER OCTET STRING(SHA-256(key authorization)). */
    private static void checkDigest(X509Certificate c, String keyAuthorization) throws Refusal {
        byte[] extnValue = c.getExtensionValue(ACME_IDENTIFIER_OID);
        if (extnValue == null) {
            throw new Refusal("incorrectResponse", "the validation certificate has no acmeIdentifier extension ("
                    + ACME_IDENTIFIER_OID + ")");
        }
        Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical == null || !critical.contains(ACME_IDENTIFIER_OID)) {
            throw new Refusal("incorrectResponse", "the validation certificate's acmeIdentifier extension is not marked critical");
        }
        byte[] digest;
        try {
            byte[] inner = ASN1OctetString.getInstance(extnValue).getOctets();
            ASN1OctetString authorization = ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(inner));
            if (!Arrays.equals(authorization.getEncoded(ASN1Encoding.DER), inner)) {
                throw new IOException("not DER");
            }
            digest = authorization.getOctets();
        } catch (IOException | IllegalArgumentException e) {
            throw new Refusal("incorrectResponse", "the validation certificate's acmeIdentifier extension is not a DER OCTET STRING");
        }
        if (!MessageDigest.isEqual(digest, sha256(keyAuthorization))) {
            throw new Refusal("incorrectResponse", "the validation certificate's acmeIdentifier extension holds "
                    + HexFormat.of().formatHex(digest, 0, Math.min(digest.length, 8)) + "…, not the SHA-256 digest of this"
                    + " challenge's key authorization (token + '.' + the account key's thumbprint)");
        }
    }

    /** RFC 8738 section 6: {@code 192.0.2.1} → {@code 1.2.0.192.in-addr.arpa}; IPv6 by reversed nibbles under ip6.arpa. */
    static String reverseName(InetAddress a) {
        byte[] b = a.getAddress();
        StringBuilder sb = new StringBuilder();
        if (a instanceof Inet4Address) {
            for (int i = b.length - 1; i >= 0; i--) {
                sb.append(b[i] & 0xff).append('.');
            }
            return sb.append("in-addr.arpa").toString();
        }
        for (int i = b.length - 1; i >= 0; i--) {
            sb.append(Character.forDigit(b[i] & 0xf, 16)).append('.').append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
        }
        return sb.append("ip6.arpa").toString();
    }

    private static boolean sameAddress(String san, String identifier) {
        try {
            return Targets.isIpLiteral(san) && InetAddress.getByName(san).equals(InetAddress.getByName(identifier));
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Collection<List<?>> sans) {
        return sans.stream().map(s -> switch ((Integer) s.get(0)) {
            case SAN_DNS -> "DNS:" + s.get(1);
            case SAN_IP -> "IP:" + s.get(1);
            default -> "another kind of name";
        }).toList().toString();
    }

    static byte[] sha256(String keyAuthorization) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
