package dev.timbre.convai.conversations;

/**
 * Work after a call: analysis (evaluation criteria, data collection, summary) and post-call webhooks. Implemented
 * in {@code convai.postcall}; {@code ConversationsService} calls it after {@link ConversationLog#ended} has stored the
 * conversation. Implementations return at once and do the work on their own threads (durably: a restart resumes it).
 */
public interface PostCall {
    PostCall NONE = new PostCall() {
        @Override public void conversationEnded(String conversationId) {}
        @Override public void initiationFailed(String agentId, String conversationId, String reason) {}
    };

    /** The conversation is stored with status {@code processing}; analyse it, save the analysis, send webhooks. */
    void conversationEnded(String conversationId);

    /** A conversation could not start (unknown agent excluded); send the {@code call_initiation_failure} webhook. */
    void initiationFailed(String agentId, String conversationId, String reason);
}
