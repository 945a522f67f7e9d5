package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * {@code tool_hash} of an approved MCP tool: hex SHA-256 of the canonical JSON (keys sorted at every depth) of
 * {@code {"name", "description", "input_schema"}}. A tool whose name, description or schema changes after it was
 * approved gets another hash, so its approval no longer applies. Stateless.
 */
final class ToolHash {
    private ToolHash() {}

    static String of(String name, String description, JsonNode inputSchema) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("name", name).put("description", description == null ? "" : description);
        n.set("input_schema", inputSchema == null || inputSchema.isNull() || inputSchema.isMissingNode() ? Json.MAPPER.createObjectNode() : inputSchema);
        return HexFormat.of().formatHex(Ids.sha256(canonical(n).toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                sorted.put(k, canonical(node.get(k)));
            }
            ObjectNode out = Json.MAPPER.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = Json.MAPPER.createArrayNode();
            node.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }
}
