package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;

/** Waits for a stored conversation's post-call work, checking the details against the OpenAPI. */
final class StoredConversations {
    private StoredConversations() {}

    /** Polls the details until {@code done} (at most 30 s); the body conforms to the OpenAPI. */
    static JsonNode awaitDone(TestServer server, String conversationId) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 300; i++) {
            var r = server.get("/v1/convai/conversations/" + conversationId);
            if (r.status() == 200) {
                last = r.json();
                if (last.path("status").asText().equals("done")) {
                    OpenApiContract.assertConforms("GET", "/v1/convai/conversations/{conversation_id}", r);
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("conversation " + conversationId + " never finished: " + last);
    }
}
