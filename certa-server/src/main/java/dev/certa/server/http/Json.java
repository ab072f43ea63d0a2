package dev.certa.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** JSON in and out of endpoints, with specific problems for bad request bodies. */
public final class Json {
    public static final String TYPE = "application/json";
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public Reply reply(int status, JsonNode body) {
        try {
            return Reply.of(status, TYPE, mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Writes a problem document. The detail passes through {@link #withoutClassNames}: reasons built from
     * a library's exception message ("(java.security.InvalidKeyException: ...)") keep the words and lose
     * the class name, as a last guard; the reasons themselves should say what is wrong in plain words.
     */
    public Reply problem(Problem p) {
        ObjectNode n = object();
        n.put("type", p.type());
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", withoutClassNames(p.detail()));
        try {
            return Reply.of(p.status(), "application/problem+json", mapper.writeValueAsBytes(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A Java exception's class name, qualified or not, with the colon that follows it in a message. */
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "(?:\\b[a-z][a-z0-9_]*\\.)*\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    /** {@code detail} without Java exception class names, and without the empty brackets or doubled spaces they leave. */
    static String withoutClassNames(String detail) {
        if (!detail.contains("Exception") && !detail.contains("Error")) {
            return detail;
        }
        String s = CLASS_NAME.matcher(detail).replaceAll("");
        return s.replaceAll("\\(\\s*\\)", "").replaceAll(" {2,}", " ").replace(" ;", ";").replace(" )", ")").trim();
    }

    /** The request body as a JSON object, or a 400 problem saying what is wrong with it. */
    public JsonNode body(ApiRequest request) {
        if (request.body().length == 0) {
            throw ProblemException.badRequest("malformed-json", "the request has no body; send a JSON object");
        }
        String type = request.header("content-type").orElse("");
        if (!type.isEmpty() && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "the body is " + type + "; send application/json"));
        }
        try {
            JsonNode n = mapper.readTree(request.body());
            if (n == null || !n.isObject()) {
                throw ProblemException.badRequest("malformed-json", "the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message names its parser settings (JsonReadFeature...): say where, in plain words
            var at = e.getLocation();
            throw ProblemException.badRequest("malformed-json", "the body is not valid JSON"
                    + (at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; send one JSON object with the fields as documented");
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "the body could not be read as JSON");
        }
    }

    /** A required string field, or a 400 problem naming it. */
    public static String requiredText(JsonNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> ProblemException.badRequest("missing-field",
                "the field \"" + field + "\" is missing or not a string"));
    }

    public static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ProblemException.badRequest("bad-field", "the field \"" + field + "\" must be a string");
        }
        return Optional.of(n.asText());
    }
}
