package dev.timbre.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.access.Permission;
import dev.timbre.http.ApiException;
import java.util.EnumSet;
import java.util.Set;

/** Checks an {@link ApiKeyRequest} into plain values; every mistake is a FastAPI-style 422 entry. */
final class ApiKeyChecks {
    static final int MAX_NAME = 200;

    /** A checked body. {@code permissions} null: all; {@code characterLimit} null: none; {@code enabled} null on create. */
    record Checked(String name, Set<Permission> permissions, Long characterLimit, Boolean enabled) {}

    private ApiKeyChecks() {}

    static Checked check(ApiKeyRequest r, boolean edit) {
        return new Checked(name(r.name()), permissions(r.permissions()), limit(r.characterLimit()), edit ? enabled(r.isEnabled()) : null);
    }

    private static String name(JsonNode n) {
        if (n == null || n.isNull()) throw ApiException.invalid("Field required", "missing", "body", "name");
        if (!n.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", "name");
        String s = n.asText().strip();
        if (s.isEmpty()) throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "name");
        if (s.length() > MAX_NAME) throw ApiException.invalid("String should have at most " + MAX_NAME + " characters", "string_too_long", "body", "name");
        return s;
    }

    private static Set<Permission> permissions(JsonNode n) {
        if (n == null || n.isNull()) throw ApiException.invalid("Field required", "missing", "body", "permissions");
        if (n.isTextual()) {
            if (n.asText().equals("all")) return null;
            throw ApiException.invalid("Input should be 'all' or a list of permissions", "literal_error", "body", "permissions");
        }
        if (!n.isArray()) throw ApiException.invalid("Input should be 'all' or a list of permissions", "list_type", "body", "permissions");
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (int i = 0; i < n.size(); i++) {
            JsonNode p = n.get(i);
            final int at = i;
            set.add(Permission.parse(p.isTextual() ? p.asText() : "").orElseThrow(() -> ApiException.invalid(
                    "Input should be one of the API key permissions, e.g. 'text_to_speech' or 'voices_read'", "enum", "body", "permissions", at)));
        }
        return set;
    }

    private static Long limit(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.invalid("Input should be a valid integer", "int_type", "body", "character_limit");
        }
        if (n.asLong() < 0) throw ApiException.invalid("Input should be greater than or equal to 0", "greater_than_equal", "body", "character_limit");
        return n.asLong();
    }

    private static Boolean enabled(JsonNode n) {
        if (n == null || n.isNull()) throw ApiException.invalid("Field required", "missing", "body", "is_enabled");
        if (!n.isBoolean()) throw ApiException.invalid("Input should be a valid boolean", "bool_type", "body", "is_enabled");
        return n.asBoolean();
    }
}
