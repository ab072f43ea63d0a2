package dev.certa.server.ra;

import dev.certa.core.name.SubjectAltName;
import java.util.List;
import java.util.Locale;

/**
 * Which names a provisioner may get certificates for. Each allowed entry is an exact name
 * ({@code api.example.com}, {@code 10.0.0.1}) or {@code *.domain}, which allows every name below the
 * domain at any depth (including wildcard names there) but not the domain itself. No entries: any name.
 */
public record NamePolicy(List<String> allowed) {
    public NamePolicy {
        allowed = allowed.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public boolean allows(SubjectAltName name) {
        if (allowed.isEmpty()) {
            return true;
        }
        String v = name.value().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return true;
            }
            if (name.type() == SubjectAltName.Type.DNS && a.startsWith("*.") && v.endsWith(a.substring(1))
                    && v.length() > a.length() - 1) {
                return true;
            }
        }
        return false;
    }
}
