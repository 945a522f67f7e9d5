package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import io.javalin.http.Context;

/**
 * The JSON bodies of {@code /v1/convai/knowledge-base} ({@code Body_Create_*_document}, {@code Body_Update_document}),
 * read strictly: a string field must be a JSON string (no number coerced), else a 422 at {@code ["body", field]}.
 */
final class DocumentRequests {
    private final ObjectNode body;

    private DocumentRequests(ObjectNode body) {
        this.body = body;
    }

    static DocumentRequests read(Context ctx) {
        return new DocumentRequests(JsonBody.read(ctx, ObjectNode.class));
    }

    /** A required string field. */
    String required(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) throw ApiException.invalid("Field required", "missing", "body", field);
        if (!v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", field);
        return v.asText();
    }

    /** The optional {@code name}: absent or null is fine, empty is a 422 ({@code minLength} 1). */
    String name() {
        JsonNode v = body.get("name");
        if (v == null || v.isNull()) return null;
        return name(required("name"));
    }

    static String name(String name) {
        if (name != null && name.isEmpty()) {
            throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "name");
        }
        return name;
    }
}
