package dev.certa.core.lint;

import dev.certa.core.issue.CertificateDraft;
import dev.certa.core.name.IpAddresses;
import dev.certa.core.name.SubjectAltName;
import java.util.ArrayList;
import java.util.List;

/**
 * An IP address written as a DNS name never matches: clients compare IP addresses only with IP
 * SANs (RFC 6125), so {@code DNS:10.0.0.1} is useless and misleading.
 */
public final class IpAsDnsNameLint implements Lint {
    @Override
    public String id() {
        return "ip-as-dns-name";
    }

    @Override
    public List<LintFinding> check(CertificateDraft d) {
        List<LintFinding> out = new ArrayList<>();
        for (SubjectAltName n : d.subjectAltNames()) {
            if (n.type() == SubjectAltName.Type.DNS && IpAddresses.isLiteral(n.value())) {
                out.add(LintFinding.error(id(), "'" + n.value() + "' is an IP address written as a DNS name; clients will not match it",
                        "request it as an IP SAN (--san ip:" + n.value() + ", or subjectAltName = IP:" + n.value() + " in openssl)"));
            }
        }
        return out;
    }
}
