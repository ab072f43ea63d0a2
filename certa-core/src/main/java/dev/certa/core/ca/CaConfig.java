package dev.certa.core.ca;

import dev.certa.core.error.CertaException;
import dev.certa.core.issue.CaUrls;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The CA directory's settings file (ca.properties): the CA's name and the URLs it writes into the
 * certificates it issues (AIA caIssuers and OCSP, CRL distribution point).
 */
public record CaConfig(String name, CaUrls urls) {

    public static CaConfig of(String name, CaUrls urls) {
        return new CaConfig(name, urls);
    }

    public static CaConfig parse(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw CertaException.badInput(source + ": cannot be read as a properties file (" + e.getMessage() + ")",
                    "fix or delete the file", e);
        }
        return new CaConfig(p.getProperty("name", "certa"), new CaUrls(list(p.getProperty("url.ca-issuers")),
                Optional.ofNullable(p.getProperty("url.ocsp")).filter(s -> !s.isBlank()), list(p.getProperty("url.crl"))));
    }

    private static List<String> list(String v) {
        return v == null || v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder("# certa CA settings\n");
        sb.append("name=").append(escape(name)).append('\n');
        sb.append("# URLs written into issued certificates (comma-separated; empty = none)\n");
        sb.append("url.ca-issuers=").append(String.join(",", urls.caIssuers())).append('\n');
        sb.append("url.ocsp=").append(urls.ocsp().orElse("")).append('\n');
        sb.append("url.crl=").append(String.join(",", urls.crl())).append('\n');
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
