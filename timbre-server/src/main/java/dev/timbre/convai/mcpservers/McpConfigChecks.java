package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.outbound.OutboundAddresses;
import dev.timbre.outbound.OutboundPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks an {@code MCPServerConfig} and returns a copy with the defaults filled in ({@code transport} SSE,
 * {@code approval_policy} require_approval_all, {@code tool_approval_hashes} [], {@code request_headers} {}). Every
 * {@code {"secret_id": …}} must name a stored secret; the URL (or the secret holding it) must be absolute http(s) and
 * resolve only to addresses the outbound policy permits. All failures are 422s located in the body. Thread-safe.
 */
final class McpConfigChecks {
    static final String SSE = "SSE", STREAMABLE_HTTP = "STREAMABLE_HTTP";
    static final String AUTO_ALL = "auto_approve_all", REQUIRE_ALL = "require_approval_all", PER_TOOL = "require_approval_per_tool";
    static final Set<String> TRANSPORTS = Set.of(SSE, STREAMABLE_HTTP);
    static final Set<String> POLICIES = Set.of(AUTO_ALL, REQUIRE_ALL, PER_TOOL);
    static final Set<String> TOOL_POLICIES = Set.of("auto_approved", "requires_approval");

    private final Function<String, Optional<String>> secretValue;
    private final OutboundPolicy outbound;

    /** @param secretValue a stored secret's plain value by id, empty when there is none */
    McpConfigChecks(Function<String, Optional<String>> secretValue, OutboundPolicy outbound) {
        this.secretValue = secretValue;
        this.outbound = outbound;
    }

    ObjectNode check(JsonNode config) {
        if (config == null || config.isMissingNode() || config.isNull()) throw ApiException.invalid("Field required", "missing", "body", "config");
        if (!config.isObject()) throw object("config");
        ObjectNode c = ((ObjectNode) config).deepCopy();
        JsonNode name = c.get("name");
        if (name == null || name.isNull()) throw ApiException.invalid("Field required", "missing", "body", "config", "name");
        if (!name.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", "config", "name");
        if (name.asText().isBlank()) throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "config", "name");
        c.put("transport", oneOf(c.get("transport"), TRANSPORTS, SSE, "transport"));
        c.put("approval_policy", oneOf(c.get("approval_policy"), POLICIES, REQUIRE_ALL, "approval_policy"));
        url(c.get("url"));
        c.set("tool_approval_hashes", hashes(c.get("tool_approval_hashes")));
        JsonNode headers = c.get("request_headers");
        if (headers == null || headers.isNull()) {
            c.putObject("request_headers");
        } else {
            if (!headers.isObject()) throw object("config", "request_headers");
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                if (!h.getValue().isTextual()) secretOf(h.getValue(), "config", "request_headers", h.getKey());
            }
        }
        JsonNode token = c.get("secret_token");
        if (token != null && !token.isNull()) secretOf(token, "config", "secret_token");
        return c;
    }

    /** A tool approval policy ({@code auto_approved}, {@code requires_approval}); null means the default. */
    static String toolPolicy(JsonNode v, Object... loc) {
        if (v == null || v.isNull()) return "requires_approval";
        if (!v.isTextual() || !TOOL_POLICIES.contains(v.asText())) {
            throw ApiException.invalid("Input should be 'auto_approved' or 'requires_approval'", "enum", loc);
        }
        return v.asText();
    }

    static String policy(JsonNode v) {
        if (v == null || v.isNull()) throw ApiException.invalid("Field required", "missing", "body", "approval_policy");
        if (!v.isTextual() || !POLICIES.contains(v.asText())) {
            throw ApiException.invalid("Input should be 'auto_approve_all', 'require_approval_all' or 'require_approval_per_tool'", "enum", "body", "approval_policy");
        }
        return v.asText();
    }

    private void url(JsonNode url) {
        if (url == null || url.isNull()) throw ApiException.invalid("Field required", "missing", "body", "config", "url");
        String text = url.isTextual() ? url.asText() : secretOf(url, "config", "url");
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw badUrl("URL is not valid");
        }
        OutboundAddresses.Verdict v = OutboundAddresses.check(outbound, uri);
        if (v == OutboundAddresses.Verdict.REFUSED) {
            throw badUrl(uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")
                    ? "URL must be an absolute http or https URL"
                    : "URL resolves to an internal address; allow it with TIMBRE_OUTBOUND_ALLOW to use it");
        }
    }

    private static ApiException badUrl(String msg) {
        return ApiException.invalid(msg, "value_error", "body", "config", "url");
    }

    /** The value of a {@code {"secret_id": …}} locator at {@code loc} (under body); a 422 when it is not one or is unknown. */
    private String secretOf(JsonNode locator, Object... loc) {
        Object[] at = prefixed(loc);
        if (!locator.isObject() || !locator.path("secret_id").isTextual()) {
            throw ApiException.invalid("Input should be a string or a secret locator {\"secret_id\": …}", "model_attributes_type", at);
        }
        String id = locator.path("secret_id").asText();
        return secretValue.apply(id).orElseThrow(() -> ApiException.invalid("Secret with id '" + id + "' not found", "value_error", at));
    }

    private static ArrayNode hashes(JsonNode v) {
        ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", "config", "tool_approval_hashes");
        for (int i = 0; i < v.size(); i++) {
            JsonNode h = v.get(i);
            if (!h.isObject()) throw object("config", "tool_approval_hashes", i);
            for (String f : new String[] {"tool_name", "tool_hash"}) {
                if (!h.path(f).isTextual()) throw ApiException.invalid("Field required", "missing", "body", "config", "tool_approval_hashes", i, f);
            }
            ObjectNode e = ((ObjectNode) h).deepCopy();
            e.put("approval_policy", toolPolicy(h.get("approval_policy"), "body", "config", "tool_approval_hashes", i, "approval_policy"));
            out.add(e);
        }
        return out;
    }

    private static String oneOf(JsonNode v, Set<String> allowed, String dflt, String field) {
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw ApiException.invalid("Input should be " + String.join(" or ", allowed.stream().sorted().map(s -> "'" + s + "'").toList()),
                    "enum", "body", "config", field);
        }
        return v.asText();
    }

    private static ApiException object(Object... loc) {
        return ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", prefixed(loc));
    }

    private static Object[] prefixed(Object... loc) {
        Object[] at = new Object[loc.length + 1];
        at[0] = "body";
        System.arraycopy(loc, 0, at, 1, loc.length);
        return at;
    }
}
