package dev.timbre.convai.conversations;

import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import java.util.List;

/**
 * Where the conversation runtime records a conversation while it runs; implemented by {@code ConversationsService}.
 * Calls for one conversation come from one thread at a time, in the order started → updated* → audioRecorded? → ended. Each call
 * persists before it returns, so a crash keeps the record up to the last finished turn.
 */
public interface ConversationLog {
    /** The socket accepted the initiation data: the conversation exists with status {@code in-progress}. */
    void started(ConversationStart start);

    /** The transcript so far (the whole list, replacing the stored one), after each finished turn. */
    void updated(String conversationId, List<TranscriptEntry> transcript);

    /**
     * The call's recording (voice calls the agent's privacy settings let record), just before {@link #ended}: stored
     * as MP3 and flagged on the conversation ({@code has_audio}, {@code has_user_audio}, {@code has_response_audio}).
     */
    default void audioRecorded(String conversationId, RecordedCall audio) {}

    /**
     * The recording so far, offered by the session loop after each user audio chunk (at {@code atMillis} of the call,
     * the chunk's arrival): returns at once; every few seconds the completed audio goes to the blob store in the
     * background, so any node can serve the running call's audio ({@code LiveRecordings}). May be called from another
     * thread than the other methods.
     */
    default void recordingSoFar(String conversationId, CallRecording recording, long atMillis) {}

    /** The call ended: stored with status {@code processing}, then post-call work runs in the background. */
    void ended(String conversationId, ConversationEnd end);

    /**
     * The client's initiation data was refused (an override the agent does not allow, bad dynamic variables): the
     * conversation never started and no record is kept; post-call work sends {@code call_initiation_failure}.
     */
    default void initiationFailed(String agentId, String conversationId, String reason) {}

    /** Live feedback from the client ({@code like} / {@code dislike}) on the agent message {@code eventId}. */
    void feedback(String conversationId, String score, int eventId);
}
