package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * The documented defaults of an agent's {@code conversation_config} and {@code platform_settings} (the {@code default}
 * values of the API's schemas), in {@code agent-defaults.json}. Stored configurations are merged on top when read,
 * so a client's fields, known or not, always win and come back verbatim.
 */
public final class AgentDefaults {
    private static final ObjectNode DEFAULTS = load();

    private AgentDefaults() {}

    private static ObjectNode load() {
        try (InputStream in = AgentDefaults.class.getResourceAsStream("agent-defaults.json")) {
            if (in == null) throw new IllegalStateException("agent-defaults.json is missing");
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("agent-defaults.json is unreadable", e);
        }
    }

    /** A fresh copy of the defaults for {@code section} ({@code conversation_config}, {@code platform_settings}). */
    public static ObjectNode of(String section) {
        JsonNode d = DEFAULTS.get(section);
        return d == null ? Json.MAPPER.createObjectNode() : (ObjectNode) d.deepCopy();
    }

    /** {@code stored} (may be null or absent) over the defaults of {@code section}. */
    public static ObjectNode fill(String section, JsonNode stored) {
        return JsonMerge.into(of(section), stored);
    }
}
