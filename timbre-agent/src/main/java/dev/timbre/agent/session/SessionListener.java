package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/**
 * Receives what a session produces. All calls come from the session's loop thread, one at a time; implementations
 * must not block for long (hand slow work to another thread). {@link #ended} is the last call, exactly once.
 */
public interface SessionListener {
    /** An event for the user. */
    void send(Frame.Output frame);

    /** The whole transcript so far, after each finished turn (and after the first message). */
    void transcriptUpdated(List<TranscriptEntry> transcript);

    /** The session is over; the transport closes with {@link SessionEnd#closeCode()}. */
    void ended(SessionEnd end);
}
