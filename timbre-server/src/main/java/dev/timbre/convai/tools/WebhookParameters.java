package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values of a webhook tool's parameters from their schema ({@code LiteralJsonSchemaProperty},
 * {@code ObjectJsonSchemaProperty}, {@code ArrayJsonSchemaProperty}), the LLM's arguments and the conversation's
 * dynamic variables. A property's source is its {@code value_type} ({@code llm_prompt}, {@code dynamic_variable},
 * {@code constant_value}) or, without one, a non-empty {@code constant_value}, then a non-empty
 * {@code dynamic_variable}, else the LLM. String values get {@code {{var}}} substitution. Stateless.
 */
final class WebhookParameters {
    private WebhookParameters() {}

    /** A literal's value; null when it has none (no argument, an unset variable). */
    static JsonNode literal(JsonNode schema, JsonNode argument, Map<String, Object> variables) {
        String source = schema.path("value_type").asText("");
        JsonNode constant = schema.path("constant_value");
        String variable = schema.path("dynamic_variable").asText("");
        if (source.equals("constant_value") || source.isEmpty() && present(constant)) {
            return substituted(constant, variables);
        }
        if (source.equals("dynamic_variable") || source.isEmpty() && !variable.isEmpty()) {
            Object value = variables.get(variable);
            return value == null ? null : json(value);
        }
        return argument == null || argument.isMissingNode() || argument.isNull() ? null : substituted(argument, variables);
    }

    /**
     * The object an {@code ObjectJsonSchemaProperty} describes, from {@code arguments}. Required properties without a
     * value are added to {@code missing} as {@code prefix + name}. A schema without properties passes the arguments
     * through.
     */
    static ObjectNode object(JsonNode schema, JsonNode arguments, Map<String, Object> variables, String prefix, List<String> missing) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            if (arguments.isObject()) out.setAll((ObjectNode) substituted(arguments, variables));
            return out;
        }
        List<String> required = strings(schema.path("required"));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode property = e.getValue();
            JsonNode argument = arguments.path(name);
            JsonNode value;
            if ("object".equals(property.path("type").asText())) {
                ObjectNode child = object(property, argument, variables, prefix + name + ".", missing);
                value = child.isEmpty() && !argument.isObject() ? null : child;
            } else if ("array".equals(property.path("type").asText())) {
                value = argument.isArray() ? substituted(argument, variables) : null;
            } else {
                value = literal(property, argument, variables);
            }
            if (value != null) out.set(name, value);
            else if (required.contains(name)) missing.add(prefix + name);
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonNode n : array) if (n.isTextual()) out.add(n.asText());
        return out;
    }

    /** A value as it goes into a URL or a form: strings as they are, other JSON as JSON text. */
    static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static boolean present(JsonNode constant) {
        return !constant.isMissingNode() && !constant.isNull() && !(constant.isTextual() && constant.asText().isEmpty());
    }

    private static JsonNode substituted(JsonNode value, Map<String, Object> variables) {
        if (value.isTextual()) return TextNode.valueOf(DynamicVariables.substitute(value.asText(), variables));
        if (value.isContainerNode()) {
            JsonNode copy = value.deepCopy();
            if (copy.isObject()) copy.fields().forEachRemaining(e -> e.setValue(substituted(e.getValue(), variables)));
            else for (int i = 0; i < copy.size(); i++) ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, substituted(copy.get(i), variables));
            return copy;
        }
        return value;
    }

    private static JsonNode json(Object value) {
        return dev.timbre.http.Json.MAPPER.valueToTree(value);
    }
}
