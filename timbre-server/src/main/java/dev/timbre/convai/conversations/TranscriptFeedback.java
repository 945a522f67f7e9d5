package dev.timbre.convai.conversations;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-message feedback in a transcript. Live feedback names the agent message by the client's {@code event_id},
 * which transcript entries do not carry; clients can only rate the latest agent response, so feedback lands on the
 * latest agent entry stored. The runtime may also set it itself ({@link TranscriptEntry#withFeedback}).
 */
final class TranscriptFeedback {
    private TranscriptFeedback() {}

    /** {@code score} (null clears it) on the last agent entry; the transcript unchanged when it has none. */
    static List<TranscriptEntry> onLatestAgentMessage(List<TranscriptEntry> transcript, String score) {
        List<TranscriptEntry> out = new ArrayList<>(transcript);
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i).role().equals("agent")) {
                out.set(i, out.get(i).withFeedback(score));
                break;
            }
        }
        return out;
    }

    /**
     * The runtime's new transcript with the feedback already stored kept: an entry of {@code replacement} without
     * feedback takes the stored entry's at the same position when both are the same message (role and start time).
     */
    static List<TranscriptEntry> keep(List<TranscriptEntry> stored, List<TranscriptEntry> replacement) {
        List<TranscriptEntry> out = new ArrayList<>(replacement);
        for (int i = 0; i < Math.min(stored.size(), out.size()); i++) {
            TranscriptEntry old = stored.get(i);
            TranscriptEntry now = out.get(i);
            if (now.feedback() == null && old.feedback() != null && old.role().equals(now.role())
                    && old.timeInCallSecs() == now.timeInCallSecs()) {
                out.set(i, now.withFeedback(old.feedback()));
            }
        }
        return out;
    }
}
