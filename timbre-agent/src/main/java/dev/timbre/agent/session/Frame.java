package dev.timbre.agent.session;

/**
 * What flows through a session: {@link Input} frames from the user side (the transport turns client messages into
 * them) and {@link Output} frames toward the user (the transport turns them into client events). The voice frames
 * ({@link UserAudio} in; {@link AgentAudio}, {@link UserTranscript}… out) are handled by the voice conversation that
 * wraps a text session; a text session ignores {@link UserAudio}.
 */
public sealed interface Frame {
    /** From the user side into the session. */
    sealed interface Input extends Frame permits UserText, ContextualUpdate, UserActivity, Feedback, ClientToolResult, UserAudio, PlaybackCut {}

    /** From the session toward the user. */
    sealed interface Output extends Frame permits ResponsePart, AgentResponse, ClientToolCall, ToolRequest, ToolResponse, Error,
            AgentAudio, UserTranscript, TentativeUserTranscript, VadScore, Interruption, ResponseCorrection {}

    /**
     * A user message: typed ({@code medium} {@code "text"}) or a final transcript of speech ({@code "audio"}); the
     * medium becomes the transcript entry's {@code source_medium}. Cancels a reply in progress.
     */
    record UserText(String text, String medium) implements Input {
        public UserText {
            medium = medium == null || medium.isBlank() ? "text" : medium;
        }

        /** A typed message. */
        public UserText(String text) { this(text, "text"); }
    }

    /** Background information for the LLM; never triggers a reply. */
    record ContextualUpdate(String text) implements Input {}

    /** The user is present (typing, scrolling): resets idle timers. */
    record UserActivity() implements Input {}

    /** {@code like}/{@code dislike} on the agent message with {@code eventId}. */
    record Feedback(String score, int eventId) implements Input {}

    /** The client's answer to a {@link ClientToolCall}; {@code result} as the client sent it (JSON or plain text). */
    record ClientToolResult(String toolCallId, String result, boolean isError) implements Input {}

    /** One piece of a streamed agent reply: {@code start} (empty text), {@code delta}s, {@code stop} (empty text). */
    record ResponsePart(int eventId, PartType type, String text) implements Output {
        public enum PartType { START, DELTA, STOP;
            public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); } }
    }

    /** The agent's whole message (after its parts, when it was streamed). */
    record AgentResponse(int eventId, String text) implements Output {}

    /** Ask the client to run a client tool; {@code parametersJson} is a JSON object text. */
    record ClientToolCall(int eventId, String toolName, String toolCallId, String parametersJson) implements Output {}

    /** The agent starts a tool ({@code agent_tool_request}); {@code toolType} is system/client/webhook. */
    record ToolRequest(int eventId, String toolName, String toolCallId, String toolType) implements Output {}

    /** The agent finished a tool ({@code agent_tool_response}); {@code isCalled} false when it was refused before running. */
    record ToolResponse(int eventId, String toolName, String toolCallId, String toolType, boolean isError, boolean isCalled) implements Output {}

    /**
     * An error event: {@code code} 1000/1002/1008/1011, {@code errorType} from the client's list
     * ({@code max_duration_exceeded}, {@code llm_error}, {@code invalid_message}…).
     */
    record Error(int code, String errorType, String message) implements Output {}

    // ---- voice ----

    /** A {@code user_audio_chunk}: audio in the conversation's input encoding, as decoded from base64. */
    record UserAudio(byte[] audio) implements Input {}

    /**
     * The user barged in on the agent's response {@code eventId} and heard only {@code heardText} of it: the session
     * stops that reply if it is still running, cuts the transcript and the LLM history to the heard text and sends a
     * {@link ResponseCorrection}. Sent by the voice layer, never by the client.
     */
    record PlaybackCut(int eventId, String heardText) implements Input {}

    /** An {@code audio} event: agent speech in the output encoding, with its character alignment. */
    record AgentAudio(int eventId, byte[] audio, SpokenChars alignment) implements Output {}

    /** A {@code user_transcript} event: the final transcript of one user utterance. */
    record UserTranscript(String text) implements Output {}

    /** A {@code tentative_user_transcript} event: the recogniser's current hypothesis while the user speaks. */
    record TentativeUserTranscript(String text) implements Output {}

    /** A {@code vad_score} event: probability 0..1 that the user is speaking now. */
    record VadScore(double score) implements Output {}

    /** An {@code interruption} event: the agent's response {@code eventId} was cut off; drop its queued audio. */
    record Interruption(int eventId) implements Output {}

    /** An {@code agent_response_correction} event: what the user actually heard of an interrupted response. */
    record ResponseCorrection(int eventId, String original, String corrected) implements Output {}
}
