package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/**
 * How a session ended.
 *
 * @param terminationReason human-readable, e.g. {@code "end_call tool was called."}, {@code "Client disconnected: 1000"}
 * @param closeCode the WebSocket close code the transport should use (1000 normal, 1008, 1011)
 * @param errorType the error event's {@code error_type} when it ended in error, else null
 * @param errorMessage the error's message, else null
 * @param transcript the final transcript
 */
public record SessionEnd(String terminationReason, int closeCode, String errorType, String errorMessage,
                         List<TranscriptEntry> transcript) {
    public SessionEnd {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    public boolean isError() { return errorType != null; }
}
