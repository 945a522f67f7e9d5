package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The list's {@code next_cursor}: base64url of {@code [start_time_unix, seq]} of the page's last row. */
final class ConversationCursor {
    private ConversationCursor() {}

    static String encode(StoredConversation last) {
        byte[] json = Json.write(List.of(last.startTimeUnix(), last.seq())).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** The position after which the page starts; null for none; a 422 on {@code cursor} when it is not one of ours. */
    static ConversationRepository.After decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            JsonNode key = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (key == null || !key.isArray() || key.size() != 2 || !key.get(0).canConvertToLong() || !key.get(1).canConvertToLong()
                    || !key.get(0).isIntegralNumber() || !key.get(1).isIntegralNumber()) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new ConversationRepository.After(key.get(0).asLong(), key.get(1).asLong());
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
        }
    }
}
