package dev.certa.core.path;

import dev.certa.core.name.SubjectAltName;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;

/** TEMPORARY stand-in until helper/names is merged (replaced by that branch's class). */
public final class HostnameMatcher {
    private HostnameMatcher() {}

    public static boolean matches(X509Certificate leaf, SubjectAltName expected) {
        for (SubjectAltName n : sans(leaf)) {
            if (n.type() != expected.type()) {
                continue;
            }
            String p = n.value().toLowerCase(Locale.ROOT);
            String e = expected.value().toLowerCase(Locale.ROOT);
            if (p.equals(e)) {
                return true;
            }
            if (n.type() == SubjectAltName.Type.DNS && p.startsWith("*.") && e.indexOf('.') > 0
                    && e.substring(e.indexOf('.')).equals(p.substring(1))) {
                return true;
            }
        }
        return false;
    }

    public static List<String> presentedNames(X509Certificate leaf) {
        List<String> out = new ArrayList<>();
        for (SubjectAltName n : sans(leaf)) {
            out.add(n.value());
        }
        return out;
    }

    private static List<SubjectAltName> sans(X509Certificate leaf) {
        byte[] ext = leaf.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (ext == null) {
            return List.of();
        }
        try {
            var octets = org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets();
            return SubjectAltName.fromGeneralNames(GeneralNames.getInstance(octets));
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
