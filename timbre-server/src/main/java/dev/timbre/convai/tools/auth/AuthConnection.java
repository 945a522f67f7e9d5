package dev.timbre.convai.tools.auth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored auth connection (already checked by {@link AuthConnectionChecks}).
 *
 * @param id its {@code auth_connection_id}
 * @param config its JSON: {@code type} and the kind's fields, credentials as secret locators
 */
record AuthConnection(String id, JsonNode config) {
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String OAUTH2_CLIENT_CREDENTIALS = "oauth2_client_credentials";

    String type() { return config.path("type").asText(""); }

    String secretId(String field) { return config.path(field).path("secret_id").asText(null); }

    String text(String field) { return config.path(field).isValueNode() ? config.path(field).asText() : null; }
}
