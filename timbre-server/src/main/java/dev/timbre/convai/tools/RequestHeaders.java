package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Request headers as tools and custom LLMs declare them: each value a string (with {@code {{var}}} placeholders), a
 * secret locator {@code {"secret_id": …}} or a dynamic variable {@code {"variable_name": …}} (also
 * {@code {"dynamic_variable": …}}). A dynamic variable that is not set leaves its header out.
 *
 * @param values what is sent
 * @param shown the same headers with secret values masked, for logs and transcripts
 */
public record RequestHeaders(Map<String, String> values, Map<String, String> shown) {
    public static final String MASK = "********";

    /**
     * @param secretValue a secret's plain value by id; throws (e.g. a 404 {@link ApiException}) when there is none
     * @throws IllegalArgumentException naming the header and secret when a secret cannot be read
     */
    public static RequestHeaders resolve(JsonNode headers, Function<String, String> secretValue, Map<String, Object> variables) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        if (headers == null || !headers.isObject()) return new RequestHeaders(values, shown);
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                String s = DynamicVariables.substitute(v.asText(), variables);
                values.put(e.getKey(), s);
                shown.put(e.getKey(), s);
            } else if (v.path("secret_id").isTextual()) {
                values.put(e.getKey(), secret(secretValue, v.path("secret_id").asText(), "header '" + e.getKey() + "'"));
                shown.put(e.getKey(), MASK);
            } else {
                String name = v.path("variable_name").isTextual() ? v.path("variable_name").asText() : v.path("dynamic_variable").asText("");
                Object value = variables == null ? null : variables.get(name);
                if (value != null) {
                    values.put(e.getKey(), String.valueOf(value));
                    shown.put(e.getKey(), String.valueOf(value));
                }
            }
        }
        return new RequestHeaders(Collections.unmodifiableMap(values), Collections.unmodifiableMap(shown));
    }

    /** A secret's value; {@code what} names its use in the error, e.g. {@code "header 'Authorization'"}. */
    public static String secret(Function<String, String> secretValue, String secretId, String what) {
        try {
            String value = secretValue.apply(secretId);
            if (value == null) throw new IllegalArgumentException("the secret '" + secretId + "' for the " + what + " was not found");
            return value;
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.status() == 404
                    ? "the secret '" + secretId + "' for the " + what + " was not found"
                    : "the secret '" + secretId + "' for the " + what + " could not be read: " + e.getMessage(), e);
        }
    }
}
