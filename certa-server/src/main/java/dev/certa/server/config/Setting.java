package dev.certa.server.config;

/**
 * One configuration key of {@code certa serve}: its name in the configuration file, the environment
 * variable that overrides it, its default and what it means ({@code certa serve --print-config}).
 *
 * @param key the name in the configuration file, e.g. {@code https-port}
 * @param defaultValue the default, as written in the file; {@code ${data}} stands for the data directory
 * @param description one line for people
 * @param secret never printed (passwords)
 */
public record Setting(String key, String defaultValue, String description, boolean secret) {

    /** {@code https-port} → {@code CERTA_HTTPS_PORT}, {@code database.url} → {@code CERTA_DATABASE_URL}. */
    public String environmentVariable() {
        return "CERTA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
