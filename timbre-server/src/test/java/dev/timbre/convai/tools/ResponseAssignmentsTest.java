package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseAssignmentsTest {
    static JsonNode assignments(String... pairs) throws IOException {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) b.append(',');
            b.append("{\"dynamic_variable\":\"").append(pairs[i]).append("\",\"value_path\":\"").append(pairs[i + 1]).append("\"}");
        }
        return Json.MAPPER.readTree(b.append(']').toString());
    }

    @Test
    void pathsThatDoNotResolveAssignNothing() throws IOException {
        String body = "{\"users\":[{\"email\":\"a@x\"}],\"response\":{\"status\":200}}";
        Map<String, Object> out = ResponseAssignments.extract(assignments("email", "users.0.email", "second", "users.1.email",
                "bad_index", "users.x", "status", "response.status", "deep", "users.0.email.more", "system__agent_id", "users.0.email"), body);
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of("email", "a@x", "status", 200L));
    }

    @Test
    void theResponsePrefixNamesTheRootWhenThereIsNoResponseField() throws IOException {
        assertThat(ResponseAssignments.extract(assignments("s", "response.status"), "{\"status\":\"ok\"}")).containsEntry("s", "ok");
    }

    @Test
    void nonJsonResponsesAndOversizedValuesAssignNothing() throws IOException {
        assertThat(ResponseAssignments.extract(assignments("a", "a"), "plain text")).isEmpty();
        String big = "{\"a\":\"" + "x".repeat(ResponseAssignments.MAX_VALUE_CHARS + 1) + "\",\"b\":\"ok\"}";
        assertThat(ResponseAssignments.extract(assignments("a", "a", "b", "b"), big)).containsOnlyKeys("b");
    }
}
