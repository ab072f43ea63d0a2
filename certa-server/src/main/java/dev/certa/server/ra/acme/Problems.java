package dev.certa.server.ra.acme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 8555 problem documents as stored with an invalid challenge or order (JSON text). */
final class Problems {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {}

    static String json(AcmeError error, String detail) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", error.type());
        n.put("detail", detail);
        n.put("status", error.status());
        return n.toString();
    }
}
