package dev.timbre.convai.knowledgebase;

import dev.timbre.http.ApiException;

/** The JSON bodies of {@code /v1/convai/knowledge-base}: {@code Body_Create_*_document}, {@code Body_Update_document}. */
final class DocumentRequests {
    private DocumentRequests() {}

    record Text(String text, String name) {}

    record Url(String url, String name) {}

    record Rename(String name) {}

    static String required(String value, String field) {
        if (value == null) throw ApiException.invalid("Field required", "missing", "body", field);
        return value;
    }

    /** An optional name: absent or null is fine, empty is a 422 ({@code minLength} 1). */
    static String name(String name) {
        if (name != null && name.isEmpty()) {
            throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "name");
        }
        return name;
    }
}
