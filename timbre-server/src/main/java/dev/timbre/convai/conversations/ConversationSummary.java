package dev.timbre.convai.conversations;

/**
 * {@code ConversationSummaryResponseModel}: one row of the list. {@code transcriptSummary} and
 * {@code callSummaryTitle} are null unless the list asked for {@code summary_mode=include}.
 */
public record ConversationSummary(String agentId, String agentName, String conversationId, long startTimeUnixSecs,
                                  int callDurationSecs, int messageCount, String status, String callSuccessful,
                                  String transcriptSummary, String callSummaryTitle, String direction,
                                  String terminationReason, String mainLanguage, String conversationInitiationSource) {
    static ConversationSummary of(StoredConversation c, boolean includeSummary) {
        return new ConversationSummary(c.agentId(), c.agentName(), c.conversationId(), c.startTimeUnix(), c.callDurationSecs(),
                c.messageCount(), c.status(), c.callSuccessful(), includeSummary ? c.transcriptSummary() : null,
                includeSummary ? c.callSummaryTitle() : null, c.phoneCall() == null ? null : c.phoneCall().direction(), c.terminationReason(),
                ConversationMetadata.mainLanguage(c), ConversationMetadata.source(c));
    }
}
