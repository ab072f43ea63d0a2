package dev.certa.server.config;

import dev.certa.core.error.CertaException;
import dev.certa.core.error.ErrorKind;
import dev.certa.core.io.Durations;
import dev.certa.core.io.InputFiles;
import dev.certa.server.va.AddressPolicy;
import dev.certa.store.StoreConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code certa serve}'s configuration: defaults, then the file ({@code certa.conf} in the data
 * directory unless another is named; Java properties syntax), then {@code CERTA_*} environment variables.
 * Every value is checked here, so a bad one stops the server at start with the key, the file and the fix.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "certa.conf";
    private static final Set<String> PROVISIONER_FIELDS = Set.of("key", "names", "profiles", "max-validity");
    private static final Set<String> PROFILES = Set.of("server", "client", "server-client");

    /** One resolved value and where it came from, for {@code --print-config}. */
    public record Line(Setting setting, String value, String source) {}

    /** The configuration and how each value was arrived at. */
    public record Loaded(ServerConfig config, List<Line> lines, Path file) {}

    private final Path dataDir;
    private final Path file;
    private final Map<String, String> environment;

    public ConfigLoader(Path dataDir, Optional<Path> configFile, Map<String, String> environment) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.file = configFile.map(p -> p.toAbsolutePath().normalize()).orElse(this.dataDir.resolve(DEFAULT_FILE));
        this.environment = Map.copyOf(environment);
    }

    public Loaded load() {
        Properties props = readFile();
        for (String key : props.stringPropertyNames()) {
            if (Settings.byKey(key).isEmpty() && !isProvisionerKey(key)) {
                throw bad(key, "is not a certa serve setting", "remove it, or see 'certa serve --print-config' for the keys");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Setting s : Settings.ALL) {
            String value = s.defaultValue();
            String source = "default";
            if (props.containsKey(s.key())) {
                value = props.getProperty(s.key()).trim();
                source = file.getFileName().toString();
            }
            String env = environment.get(s.environmentVariable());
            if (env != null) {
                value = env.trim();
                source = s.environmentVariable();
            }
            value = value.replace("${data}", dataDir.toString());
            values.put(s.key(), value);
            lines.add(new Line(s, value, source));
        }
        ServerConfig config = new ServerConfig(
                dataDir,
                values.get(Settings.LISTEN.key()),
                port(values, Settings.HTTPS_PORT),
                port(values, Settings.HTTP_PORT),
                values.get(Settings.PUBLIC_HOST.key()),
                path(values.get(Settings.CA_DIR.key())),
                values.get(Settings.CA_NAME.key()),
                optionalPath(values.get(Settings.CA_PASSWORD_FILE.key())),
                store(values),
                duration(values, Settings.TOKEN_MAX_LIFETIME),
                httpsBase(values, Settings.TOKEN_CA_URL),
                duration(values, Settings.CRL_INTERVAL),
                duration(values, Settings.CRL_LIFETIME),
                duration(values, Settings.OCSP_LIFETIME),
                delegatedOcsp(values.get(Settings.OCSP_RESPONDER.key())),
                integer(values, Settings.MAX_BODY, 1024, 16 * 1024 * 1024),
                path(values.get(Settings.AUDIT_LOG.key())),
                path(values.get(Settings.ADMIN_TOKEN_FILE.key())),
                values.get(Settings.RENEW_WINDOW.key()).equals("0s") ? Duration.ZERO : duration(values, Settings.RENEW_WINDOW),
                provisioners(props),
                acme(values));
        return new Loaded(config, lines, file);
    }

    /** The text of {@code certa serve --print-config}: every key, its value and where it came from. */
    public static String describe(Loaded loaded) {
        StringBuilder sb = new StringBuilder();
        sb.append("# certa serve configuration (file: ").append(loaded.file()).append(")\n");
        sb.append("# each key may also be set by its environment variable, which wins over the file\n");
        for (Line l : loaded.lines()) {
            sb.append("\n# ").append(l.setting().description()).append('\n');
            sb.append("# env ").append(l.setting().environmentVariable()).append("; from ").append(l.source())
                    .append("; default: ").append(l.setting().secret() ? "(empty)" : l.setting().defaultValue()).append('\n');
            String shown = l.setting().secret() && !l.value().isEmpty() ? "(set, not shown)" : l.value();
            sb.append(l.setting().key()).append(" = ").append(shown).append('\n');
        }
        for (ProvisionerConfig p : loaded.config().provisioners()) {
            String prefix = "provisioner." + p.name() + ".";
            sb.append("\n# provisioner '").append(p.name()).append("'\n");
            sb.append(prefix).append("key = ").append(p.publicKey()).append('\n');
            sb.append(prefix).append("names = ").append(p.names().isEmpty() ? "(any)" : String.join(", ", p.names())).append('\n');
            sb.append(prefix).append("profiles = ").append(String.join(", ", new TreeSet<>(p.profiles()))).append('\n');
            sb.append(prefix).append("max-validity = ").append(Durations.describe(p.maxValidity())).append('\n');
        }
        return sb.toString();
    }

    private Properties readFile() {
        Properties props = new Properties();
        if (!Files.exists(file)) {
            return props;
        }
        try {
            props.load(new StringReader(new String(InputFiles.read(file), StandardCharsets.UTF_8)));
            return props;
        } catch (IOException | IllegalArgumentException e) {
            throw new CertaException(ErrorKind.BAD_INPUT, "cannot read the configuration file " + file + ": " + e.getMessage(),
                    "fix the file (Java properties syntax: key = value per line)");
        }
    }

    private List<ProvisionerConfig> provisioners(Properties props) {
        Set<String> names = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (isProvisionerKey(key)) {
                names.add(key.substring("provisioner.".length(), key.lastIndexOf('.')));
            }
        }
        List<ProvisionerConfig> out = new ArrayList<>();
        for (String name : names) {
            String prefix = "provisioner." + name + ".";
            String key = props.getProperty(prefix + "key");
            if (key == null || key.isBlank()) {
                throw bad(prefix + "key", "is missing", "name the PEM file with the provisioner's public key");
            }
            List<String> allowed = split(props.getProperty(prefix + "names", ""));
            Set<String> profiles = new LinkedHashSet<>(split(props.getProperty(prefix + "profiles", "server,client,server-client")));
            for (String p : profiles) {
                if (!PROFILES.contains(p)) {
                    throw bad(prefix + "profiles", "names the unknown profile '" + p + "'", "use server, client or server-client");
                }
            }
            String validity = props.getProperty(prefix + "max-validity", "90d");
            Duration max;
            try {
                max = Durations.parse(validity, prefix + "max-validity");
            } catch (CertaException e) {
                throw bad(prefix + "max-validity", "'" + validity + "' is not a duration", "write it like 90d or 24h");
            }
            out.add(new ProvisionerConfig(name, path(key.trim()), allowed, profiles, max));
        }
        return out;
    }

    private static boolean isProvisionerKey(String key) {
        if (!key.startsWith("provisioner.")) {
            return false;
        }
        int dot = key.lastIndexOf('.');
        return dot > "provisioner.".length() && PROVISIONER_FIELDS.contains(key.substring(dot + 1));
    }

    private boolean delegatedOcsp(String v) {
        return switch (v) {
            case "ca" -> false;
            case "delegated" -> true;
            default -> throw bad(Settings.OCSP_RESPONDER.key(), "'" + v + "' is neither ca nor delegated", "write ca or delegated");
        };
    }

    /** An https:// URL without a path, trailing slashes dropped; empty when the value is. */
    private Optional<String> httpsBase(Map<String, String> values, Setting setting) {
        String base = values.get(setting.key()).trim().replaceAll("/+$", "");
        if (!base.isEmpty() && !base.matches("https://[^/?#@\\s]+")) {
            throw bad(setting.key(), "'" + base + "' is not an https:// URL without a path", "write it like https://ca.internal:8443");
        }
        return base.isEmpty() ? Optional.empty() : Optional.of(base);
    }

    private AcmeConfig acme(Map<String, String> values) {
        String terms = values.get(Settings.ACME_TERMS.key()).trim();
        return new AcmeConfig(bool(values, Settings.ACME_ENABLED), httpsBase(values, Settings.ACME_BASE_URL), terms.isEmpty() ? Optional.empty() : Optional.of(terms),
                acmePolicy(values), caaIdentities(values.get(Settings.CAA_IDENTITIES.key())),
                duration(values, Settings.CAA_RECHECK), integer(values, Settings.HTTP01_PORT, 1, 65535),
                integer(values, Settings.TLS_ALPN01_PORT, 1, 65535), resolver(values.get(Settings.DNS_RESOLVER.key()).trim()),
                new AddressPolicy(bool(values, Settings.ALLOW_PRIVATE), privateNetworks(values.get(Settings.PRIVATE_NETWORKS.key()))),
                integer(values, Settings.VALIDATION_RETRIES, 0, 10), duration(values, Settings.VALIDATION_RETRY_DELAY),
                duration(values, Settings.VALIDATION_SWEEP));
    }

    private List<String> caaIdentities(String v) {
        List<String> out = split(v);
        if (out.isEmpty()) {
            throw bad(Settings.CAA_IDENTITIES.key(), "is empty", "name at least one domain CAA records may name this CA by, e.g. ca.example.com");
        }
        for (String id : out) {
            if (!id.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
                throw bad(Settings.CAA_IDENTITIES.key(), "'" + id + "' is not a domain name", "write names like ca.example.com, separated by commas");
            }
        }
        return out;
    }

    private List<AddressPolicy.Network> privateNetworks(String v) {
        List<AddressPolicy.Network> out = new ArrayList<>();
        for (String cidr : split(v)) {
            try {
                out.add(AddressPolicy.Network.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw bad(Settings.PRIVATE_NETWORKS.key(), e.getMessage(), "write networks like 10.20.0.0/16 or fd00:1::/64, separated by commas");
            }
        }
        return out;
    }

    private AcmePolicyConfig acmePolicy(Map<String, String> values) {
        String key = Settings.ACME_PROFILES.key();
        List<AcmePolicyConfig.Profile> profiles = new ArrayList<>();
        for (String entry : values.get(key).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("\\s*=\\s*", -1);
            if (parts.length != 2 || !parts[0].matches("[a-z0-9][a-z0-9-]{0,31}")) {
                throw bad(key, "has '" + entry.trim() + "', which is not name=validity", "write it like tlsserver=90d, shortlived=7d (names in lower case)");
            }
            if (profiles.stream().anyMatch(p -> p.name().equals(parts[0]))) {
                throw bad(key, "names the profile '" + parts[0] + "' twice", "give each profile once");
            }
            try {
                profiles.add(new AcmePolicyConfig.Profile(parts[0], Durations.parse(parts[1], key)));
            } catch (CertaException e) {
                throw bad(key, "gives '" + parts[1] + "' for " + parts[0] + ", which is not a duration", "write it like 90d, 7d or 6h");
            }
        }
        if (profiles.isEmpty()) {
            throw bad(key, "names no profile", "write at least one, e.g. tlsserver=90d");
        }
        AcmePolicyConfig.ExternalAccountBinding eab = switch (values.get(Settings.ACME_EAB.key()).trim().toLowerCase(Locale.ROOT)) {
            case "off" -> AcmePolicyConfig.ExternalAccountBinding.OFF;
            case "optional" -> AcmePolicyConfig.ExternalAccountBinding.OPTIONAL;
            case "required" -> AcmePolicyConfig.ExternalAccountBinding.REQUIRED;
            default -> throw bad(Settings.ACME_EAB.key(), "'" + values.get(Settings.ACME_EAB.key()) + "' is not off, optional or required",
                    "write off, optional or required");
        };
        return new AcmePolicyConfig(profiles, eab, domains(values, Settings.ACME_ALLOWED_NAMES, true),
                domains(values, Settings.ACME_DENIED_NAMES, false), rateLimit(values, Settings.ACME_LIMIT_ACCOUNT),
                rateLimit(values, Settings.ACME_LIMIT_DOMAIN),
                values.get(Settings.ACME_AUTHZ_REUSE.key()).trim().equalsIgnoreCase("off") ? java.time.Duration.ZERO
                        : duration(values, Settings.ACME_AUTHZ_REUSE),
                new AcmePolicyConfig.AccountLimits(rateLimit(values, Settings.ACME_LIMIT_ACCOUNTS_PER_IP),
                        rateLimit(values, Settings.ACME_LIMIT_NEW_ACCOUNTS)));
    }

    /** A list of domains (a leading "*." or "." is dropped), and IP addresses where {@code ips}. */
    private List<String> domains(Map<String, String> values, Setting s, boolean ips) {
        List<String> out = split(values.get(s.key())).stream().map(d -> d.replaceFirst("^\\*?\\.", "")).toList();
        for (String d : out) {
            boolean ip = d.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*");
            if (ip ? !ips : !d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw bad(s.key(), "has '" + d + "', which is not a domain name" + (ips ? " or IP address" : ""),
                        "write domains like bank.example, corp.internal");
            }
        }
        return out;
    }

    private Optional<AcmePolicyConfig.RateLimit> rateLimit(Map<String, String> values, Setting s) {
        String v = values.get(s.key()).trim();
        if (v.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String[] parts = v.split("\\s*/\\s*", -1);
        try {
            int count = Integer.parseInt(parts[0]);
            if (parts.length == 2 && count >= 1) {
                return Optional.of(new AcmePolicyConfig.RateLimit(count, Durations.parse(parts[1], s.key())));
            }
        } catch (IllegalArgumentException | CertaException e) {
            // reported below
        }
        throw bad(s.key(), "'" + v + "' is not COUNT/WINDOW", "write it like 300/3h or 50/7d, or off");
    }

    private Optional<java.net.InetSocketAddress> resolver(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[?([^\\]]+?)\\]?(?::(\\d{1,5}))?").matcher(v);
        if (!m.matches() || v.chars().filter(c -> c == ':').count() > 1 && !v.startsWith("[")) {
            throw bad(Settings.DNS_RESOLVER.key(), "'" + v + "' is not host:port", "write it like 10.0.0.53:53 or [::1]:53");
        }
        int port = m.group(2) == null ? 53 : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw bad(Settings.DNS_RESOLVER.key(), "'" + v + "' has no valid port", "use a port from 1 to 65535");
        }
        return Optional.of(new java.net.InetSocketAddress(m.group(1), port));
    }

    private boolean bool(Map<String, String> values, Setting s) {
        return switch (values.get(s.key()).trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(s.key(), "'" + values.get(s.key()) + "' is neither true nor false", "write true or false");
        };
    }

    private StoreConfig store(Map<String, String> values) {
        String url = values.get(Settings.DATABASE_URL.key());
        if (url.startsWith("sqlite:")) {
            return new StoreConfig.Sqlite(path(url.substring("sqlite:".length())));
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new StoreConfig.Postgres(url, values.get(Settings.DATABASE_USER.key()),
                    values.get(Settings.DATABASE_PASSWORD.key()), values.get(Settings.DATABASE_SCHEMA.key()),
                    integer(values, Settings.DATABASE_POOL, 1, 200));
        }
        throw bad(Settings.DATABASE_URL.key(), "'" + url + "' is neither sqlite:FILE nor jdbc:postgresql://…",
                "write sqlite:/var/lib/certa/certa.db or jdbc:postgresql://127.0.0.1:5432/certa");
    }

    private Path path(String value) {
        Path p = Path.of(value);
        return (p.isAbsolute() ? p : dataDir.resolve(p)).normalize();
    }

    private Optional<Path> optionalPath(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(path(value));
    }

    private int port(Map<String, String> values, Setting s) {
        return integer(values, s, 0, 65535);
    }

    private int integer(Map<String, String> values, Setting s, int min, int max) {
        String v = values.get(s.key());
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(s.key(), "'" + v + "' is not a whole number from " + min + " to " + max, "write a number in that range");
    }

    private Duration duration(Map<String, String> values, Setting s) {
        String v = values.get(s.key());
        try {
            return Durations.parse(v, s.key());
        } catch (CertaException e) {
            throw bad(s.key(), "'" + v + "' is not a duration", "write it like 10m, 1h or 90d");
        }
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private CertaException bad(String key, String what, String fix) {
        return new CertaException(ErrorKind.USAGE, "configuration " + key + " " + what + " (" + file + " or its environment variable)", fix);
    }
}
