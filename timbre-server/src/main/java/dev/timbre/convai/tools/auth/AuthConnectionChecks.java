package dev.timbre.convai.tools.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks the settings' {@code workspace_auth_connections} (an object: auth connection id → connection); a 422 in
 * ElevenLabs' shape names the field. Credentials must be secret locators, never plain values.
 */
public final class AuthConnectionChecks {
    public static final String FIELD = "workspace_auth_connections";
    static final int MAX_CONNECTIONS = 100;
    static final Set<String> TYPES = Set.of(AuthConnection.BASIC, AuthConnection.BEARER, AuthConnection.OAUTH2_CLIENT_CREDENTIALS);

    private AuthConnectionChecks() {}

    public static void check(JsonNode connections) {
        if (connections == null || connections.isNull()) return;
        if (!connections.isObject()) throw invalid("Input should be a valid dictionary", "dict_type");
        if (connections.size() > MAX_CONNECTIONS) throw invalid("Dictionary should have at most " + MAX_CONNECTIONS + " items", "too_long");
        for (Iterator<Map.Entry<String, JsonNode>> it = connections.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode c = e.getValue();
            if (!id.matches("[A-Za-z0-9_\\-]{1,128}")) throw invalid("Auth connection ids are 1-128 letters, digits, '_' or '-'", "value_error", id);
            if (!c.isObject()) throw invalid("Input should be a valid dictionary or object", "model_attributes_type", id);
            String type = c.path("type").asText("");
            if (!TYPES.contains(type)) {
                throw invalid("Input should be 'basic', 'bearer' or 'oauth2_client_credentials'", c.has("type") ? "literal_error" : "missing", id, "type");
            }
            switch (type) {
                case AuthConnection.BASIC -> {
                    string(c, id, "username");
                    secret(c, id, "password");
                }
                case AuthConnection.BEARER -> secret(c, id, "token");
                default -> {
                    string(c, id, "token_url");
                    String url = c.get("token_url").asText();
                    if (!url.startsWith("https://") && !url.startsWith("http://")) {
                        throw invalid("URL scheme should be 'http' or 'https'", "url_scheme", id, "token_url");
                    }
                    string(c, id, "client_id");
                    secret(c, id, "client_secret");
                    JsonNode scopes = c.get("scopes");
                    if (scopes != null && !scopes.isNull() && !scopes.isTextual()) throw invalid("Input should be a valid string", "string_type", id, "scopes");
                    JsonNode extra = c.get("extra_params");
                    if (extra != null && !extra.isNull()) {
                        if (!extra.isObject()) throw invalid("Input should be a valid dictionary", "dict_type", id, "extra_params");
                        extra.fields().forEachRemaining(p -> {
                            if (!p.getValue().isValueNode()) throw invalid("Input should be a valid string", "string_type", id, "extra_params", p.getKey());
                        });
                    }
                }
            }
        }
    }

    private static void string(JsonNode c, String id, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) throw invalid("Field required", "missing", id, field);
        if (!v.isTextual() || v.asText().isBlank()) throw invalid("Input should be a valid string", "string_type", id, field);
    }

    private static void secret(JsonNode c, String id, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) throw invalid("Field required", "missing", id, field);
        if (!v.path("secret_id").isTextual()) {
            throw invalid("Input should be a secret locator {\"secret_id\": …}: credentials are stored as workspace secrets", "model_type", id, field);
        }
    }

    private static ApiException invalid(String msg, String type, Object... path) {
        Object[] loc = new Object[path.length + 2];
        loc[0] = "body";
        loc[1] = FIELD;
        System.arraycopy(path, 0, loc, 2, path.length);
        return ApiException.invalid(msg, type, loc);
    }
}
