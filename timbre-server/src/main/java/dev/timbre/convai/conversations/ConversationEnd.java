package dev.timbre.convai.conversations;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.time.Instant;
import java.util.List;

/**
 * How a conversation ended.
 *
 * @param transcript the final transcript
 * @param terminationReason human-readable, e.g. {@code "Client disconnected: 1000"}, {@code "end_call tool was called."},
 *        {@code "Maximum duration exceeded"}
 * @param errorCode a WebSocket close code when the call ended in error (1002, 1008, 1011), else null
 * @param errorReason the error's message, else null
 */
public record ConversationEnd(Instant endTime, List<TranscriptEntry> transcript, String terminationReason,
                              Integer errorCode, String errorReason) {
    public ConversationEnd {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
