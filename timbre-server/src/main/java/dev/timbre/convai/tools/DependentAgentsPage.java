package dev.timbre.convai.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import java.util.List;

/** {@code GetToolDependentAgentsResponseModel}: {@code agents} are {@code DependentAvailableAgentIdentifier}s. */
public record DependentAgentsPage(List<JsonNode> agents, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, boolean hasMore) {

    /** The agent sequence a {@code next_cursor} continues after (0 for none); a 422 on {@code cursor} when it is not one. */
    public static long afterSeq(String cursor) {
        if (cursor == null || cursor.isEmpty()) return 0;
        try {
            long seq = Long.parseLong(cursor);
            if (seq < 0) throw new NumberFormatException();
            return seq;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
        }
    }
}
