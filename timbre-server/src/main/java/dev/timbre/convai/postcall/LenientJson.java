package dev.timbre.convai.postcall;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.Optional;

/**
 * Finds the JSON object in a language model's reply: the first {@code {…}} that parses, whatever surrounds it
 * (prose, Markdown code fences, trailing remarks).
 */
public final class LenientJson {
    private LenientJson() {}

    public static Optional<ObjectNode> object(String reply) {
        if (reply == null) return Optional.empty();
        for (int at = reply.indexOf('{'); at >= 0; at = reply.indexOf('{', at + 1)) {
            try (JsonParser p = Json.MAPPER.getFactory().createParser(reply.substring(at))) {
                JsonNode n = Json.MAPPER.readTree(p);
                if (n instanceof ObjectNode o) return Optional.of(o);
            } catch (java.io.IOException e) {
                // not JSON from here; try the next brace
            }
        }
        return Optional.empty();
    }
}
