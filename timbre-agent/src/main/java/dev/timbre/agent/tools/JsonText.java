package dev.timbre.agent.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for tool arguments, as plain Java values: Map (insertion-ordered), List, String, Number, Boolean and null.
 * Stateless and thread-safe (one shared Jackson mapper).
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

    private JsonText() {}

    /** The JSON object in {@code text}; an empty map when it is blank, not valid JSON or not an object. */
    public static Map<String, Object> object(String text) {
        if (text == null || text.isBlank()) return new LinkedHashMap<>();
        try {
            LinkedHashMap<String, Object> m = MAPPER.readValue(text, OBJECT);
            return m == null ? new LinkedHashMap<>() : m;
        } catch (JsonProcessingException e) {
            return new LinkedHashMap<>();
        }
    }

    /** {@code value} written as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        return write(text == null ? "" : text);
    }
}
