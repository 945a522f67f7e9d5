package dev.timbre.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The OpenAPI document of what this server serves: the ElevenLabs specification the server implements
 * ({@code spec/openapi.json}, copied into the jar at build time) cut down to the operations whose
 * {@code METHOD /path} is routed, with only the component schemas they reach. Pure; thread-safe.
 */
public final class ServedOpenApi {
    private ServedOpenApi() {}

    /** The specification bundled in the jar. */
    public static ObjectNode specification() {
        try (InputStream in = ServedOpenApi.class.getClassLoader().getResourceAsStream("spec/openapi.json")) {
            if (in == null) throw new IllegalStateException("spec/openapi.json is not in the jar");
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code spec} restricted to {@code routes} ({@code "GET /v1/voices"}, as {@code ApiServer.routes} lists them). */
    public static ObjectNode of(ObjectNode spec, List<String> routes) {
        Set<String> routed = new HashSet<>(routes);
        ObjectNode out = spec.deepCopy();
        out.putObject("info").put("title", "Timbre").put("version", spec.path("info").path("version").asText(""))
                .put("description", "The ElevenLabs API operations this Timbre server serves (its OpenAPI, cut to the routed operations).");
        out.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = (ObjectNode) out.path("paths");
        for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
            String path = p.next();
            ObjectNode item = (ObjectNode) paths.get(path);
            for (Iterator<String> m = item.fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (isMethod(method) && !routed.contains(method.toUpperCase(Locale.ROOT) + " " + path)) m.remove();
            }
            boolean any = false;
            for (Iterator<String> m = item.fieldNames(); m.hasNext(); ) any |= isMethod(m.next());
            if (!any) p.remove();
        }
        pruneSchemas(out);
        // the key every /v1 and /v2 call carries, so that the browsable reference can send it
        out.with("components").putObject("securitySchemes").putObject("ApiKeyAuth")
                .put("type", "apiKey").put("in", "header").put("name", "xi-api-key");
        out.putArray("security").addObject().putArray("ApiKeyAuth");
        return out;
    }

    private static boolean isMethod(String name) {
        return List.of("get", "put", "post", "delete", "patch", "head", "options").contains(name);
    }

    /** Keeps the components that the remaining paths reach through {@code $ref}s (transitively). */
    private static void pruneSchemas(ObjectNode doc) {
        JsonNode components = doc.path("components");
        if (!components.isObject()) return;
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(doc.path("paths"));
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                JsonNode ref = n.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/") && reached.add(ref.asText())) {
                    todo.push(doc.at(ref.asText().substring(1)));
                }
                n.elements().forEachRemaining(todo::push);
            } else if (n instanceof ArrayNode a) {
                a.elements().forEachRemaining(todo::push);
            }
        }
        for (Iterator<String> kind = components.fieldNames(); kind.hasNext(); ) {
            String k = kind.next();
            if (!components.get(k).isObject()) continue;
            for (Iterator<String> name = components.get(k).fieldNames(); name.hasNext(); ) {
                if (!reached.contains("#/components/" + k + "/" + name.next())) name.remove();
            }
        }
    }
}
