package dev.certa.cli;

import dev.certa.core.crypto.CryptoProviders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code certa --version}: the version, the git commit and the date of the build (written into
 * certa-build.properties by Maven resource filtering), the Java runtime, and the crypto provider in use.
 */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "/certa-build.properties";

    @Override
    public String[] getVersion() {
        Properties build = build();
        String version = value(build, "version", "development build");
        String commit = value(build, "commit", "unknown");
        String built = value(build, "built", "unknown");
        return new String[] {
            "certa " + version,
            "commit " + commit + ", built " + built,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")",
            "crypto: " + CryptoProviders.get().describe()
        };
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without the file: every value reads "unknown"
        }
        return p;
    }

    /** The value, or {@code fallback} when absent or left unfiltered ("${...}"). */
    private static String value(Properties p, String key, String fallback) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.startsWith("${") ? fallback : v;
    }
}
