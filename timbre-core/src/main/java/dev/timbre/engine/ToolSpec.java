package dev.timbre.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function the model may call.
 *
 * @param name the function name (e.g. {@code end_call})
 * @param description what it does, for the model
 * @param parameters a JSON Schema object as plain Java values (Map, List, String, Number, Boolean, null), e.g.
 *        {@code {type: object, properties: {reason: {type: string}}, required: [reason]}}; empty means no parameters
 */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = parameters == null || parameters.isEmpty()
                ? Map.of("type", "object", "properties", Map.of())
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The names of the schema's {@code properties}, in order; empty when there are none. */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> propertyNames() {
        Object p = parameters.get("properties");
        return p instanceof Map<?, ?> m ? ((Map<String, Object>) m).keySet() : java.util.Set.of();
    }
}
