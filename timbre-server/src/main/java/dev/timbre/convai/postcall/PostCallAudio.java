package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import dev.timbre.webhooks.Base64EncodingStream;
import dev.timbre.webhooks.WebhookSender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * The {@code post_call_audio} webhook: {@code {"type": "post_call_audio", "event_timestamp": …, "data": {"agent_id",
 * "conversation_id", "full_audio": "<base64 MP3>"}}}. The job row keeps the envelope without {@code full_audio}; at
 * each attempt the body is streamed from the stored recording (never held whole in memory), so the recording must
 * still exist when it is sent (deleting the conversation fails the job).
 */
final class PostCallAudio {
    static final String TYPE = "post_call_audio";

    private PostCallAudio() {}

    /** The job for one conversation, not yet stored. */
    static PostCallJob event(PostCallWebhooks webhooks, String agentId, String conversationId) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("agent_id", agentId);
        data.put("conversation_id", conversationId);
        return webhooks.event(TYPE, conversationId, data);
    }

    static boolean isAudio(JsonNode payload) {
        return TYPE.equals(payload.path("type").asText(null));
    }

    /** The body of a stored job: its envelope with {@code data.full_audio} read from the recording at each open. */
    static WebhookSender.StreamedBody body(JsonNode payload, String conversationId, StoredRecordings recordings) {
        ObjectNode envelope = payload.deepCopy();
        ((ObjectNode) envelope.path("data")).remove("full_audio");
        envelope.set("data", envelope.remove("data")); // data last, so the audio can close the JSON
        String head = Json.write(envelope);
        byte[] prefix = (head.substring(0, head.length() - 2) + ",\"full_audio\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.UTF_8);
        return () -> {
            InputStream mp3 = recordings.open(conversationId)
                    .orElseThrow(() -> new IOException("the recording of conversation " + conversationId + " is gone"));
            return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(prefix),
                    new Base64EncodingStream(mp3), new ByteArrayInputStream(suffix))));
        };
    }
}
