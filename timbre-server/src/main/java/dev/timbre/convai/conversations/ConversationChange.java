package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.time.Clock;
import java.util.List;

/**
 * A changed copy of a {@link StoredConversation}. {@link #build} derives {@code message_count} and the like/dislike
 * counts from the transcript, so they always agree with it. Not thread-safe; one change at a time.
 */
final class ConversationChange {
    private final StoredConversation c;
    private List<TranscriptEntry> transcript;
    private String status;
    private int duration;
    private String terminationReason;
    private Integer errorCode;
    private String errorReason;
    private String overallScore;
    private ObjectNode analysis;
    private String callSuccessful;
    private String transcriptSummary;
    private String callSummaryTitle;

    private ConversationChange(StoredConversation c) {
        this.c = c;
        this.transcript = c.transcript();
        this.status = c.status();
        this.duration = c.callDurationSecs();
        this.terminationReason = c.terminationReason();
        this.errorCode = c.errorCode();
        this.errorReason = c.errorReason();
        this.overallScore = c.feedbackScore();
        this.analysis = c.analysis();
        this.callSuccessful = c.callSuccessful();
        this.transcriptSummary = c.transcriptSummary();
        this.callSummaryTitle = c.callSummaryTitle();
    }

    static ConversationChange of(StoredConversation c) {
        return new ConversationChange(c);
    }

    ConversationChange transcript(List<TranscriptEntry> entries) {
        this.transcript = entries;
        return this;
    }

    ConversationChange status(String status) {
        this.status = status;
        return this;
    }

    ConversationChange duration(int seconds) {
        this.duration = seconds;
        return this;
    }

    ConversationChange termination(String reason) {
        this.terminationReason = reason == null ? "" : reason;
        return this;
    }

    /** {@code metadata.error}; a null code clears it. */
    ConversationChange error(Integer code, String reason) {
        this.errorCode = code;
        this.errorReason = code == null ? null : reason;
        return this;
    }

    ConversationChange overallScore(String score) {
        this.overallScore = score;
        return this;
    }

    ConversationChange analysis(ObjectNode analysis, String callSuccessful, String summary, String title) {
        this.analysis = analysis;
        this.callSuccessful = callSuccessful;
        this.transcriptSummary = summary;
        this.callSummaryTitle = title;
        return this;
    }

    StoredConversation build(Clock clock) {
        int likes = (int) transcript.stream().filter(e -> "like".equals(e.feedback())).count();
        int dislikes = (int) transcript.stream().filter(e -> "dislike".equals(e.feedback())).count();
        return new StoredConversation(c.conversationId(), c.agentId(), c.agentName(), c.userId(), status, c.startTimeUnix(),
                duration, transcript.size(), callSuccessful, transcript, c.metadata(), analysis, c.initiationClientData(),
                transcriptSummary, callSummaryTitle, likes, dislikes, overallScore, c.textOnly(), terminationReason, errorCode,
                errorReason, c.createdAtUnix(), clock.instant().getEpochSecond(), c.seq(), c.audio(), c.phoneCall());
    }
}
