package dev.certa.core.path.limbo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One x509-limbo test case, as the bundle's schema describes it (limbo-schema.json): the certificates
 * in PEM, what to validate for, and the expected result.
 *
 * @param peerNames the names to check: {@code expected_peer_name} for SERVER cases, {@code expected_peer_names}
 *     for CLIENT cases
 * @param time the validation time; empty means now
 */
record LimboCase(
        String id,
        String family,
        List<String> features,
        boolean expectSuccess,
        boolean client,
        List<PeerName> peerNames,
        List<String> trusted,
        List<String> untrusted,
        String peer,
        Optional<Instant> time,
        List<String> extendedKeyUsages,
        List<String> keyUsages,
        OptionalInt maxChainDepth,
        List<String> crls) {

    /** A name from the bundle: kind DNS, IP or RFC822. */
    record PeerName(String kind, String value) {}

    static LimboCase from(JsonNode t) {
        String id = t.get("id").asText();
        boolean client = "CLIENT".equals(t.get("validation_kind").asText());
        List<PeerName> names = new ArrayList<>();
        if (client) {
            for (JsonNode n : t.path("expected_peer_names")) {
                names.add(new PeerName(n.get("kind").asText(), n.get("value").asText()));
            }
        } else if (t.hasNonNull("expected_peer_name")) {
            JsonNode n = t.get("expected_peer_name");
            names.add(new PeerName(n.get("kind").asText(), n.get("value").asText()));
        }
        JsonNode time = t.get("validation_time");
        JsonNode depth = t.get("max_chain_depth");
        return new LimboCase(id, family(id), strings(t.path("features")), "SUCCESS".equals(t.get("expected_result").asText()),
                client, names, strings(t.path("trusted_certs")), strings(t.path("untrusted_intermediates")),
                t.get("peer_certificate").asText(),
                time == null || time.isNull() ? Optional.empty() : Optional.of(OffsetDateTime.parse(time.asText()).toInstant()),
                strings(t.path("extended_key_usage")), strings(t.path("key_usage")),
                depth == null || depth.isNull() ? OptionalInt.empty() : OptionalInt.of(depth.asInt()),
                strings(t.path("crls")));
    }

    /** The table row: the first id component, with BetterTLS split into its two suites. */
    static String family(String id) {
        String[] parts = id.split("::");
        return parts[0].equals("bettertls") && parts.length > 2 ? parts[0] + "::" + parts[1] : parts[0];
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
