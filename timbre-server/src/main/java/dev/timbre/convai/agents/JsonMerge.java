package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Deep merge of JSON objects: objects merge field by field, everything else (arrays, scalars, null) replaces. */
public final class JsonMerge {
    private JsonMerge() {}

    /** Merges {@code patch} into {@code target} in place and returns {@code target}. */
    public static ObjectNode into(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) return target;
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                into((ObjectNode) existing, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return target;
    }

    /** A new object: {@code base} with {@code over} merged on top; neither argument is changed. */
    public static ObjectNode merged(ObjectNode base, JsonNode over) {
        return into(base.deepCopy(), over);
    }
}
