package dev.timbre.convai.conversation;

import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.convai.tools.WebhookTools;
import dev.timbre.engine.rules.RuleLanguageModel;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the conversation runtime's seams while their implementations are wired elsewhere: every agent on
 * the built-in rule model, webhook tools answering an error, and a log that records nothing.
 */
public final class ConversationDefaults {
    private static final RuleLanguageModel RULES = new RuleLanguageModel();

    private ConversationDefaults() {}

    public static AgentLanguageModels ruleModels() {
        return prompt -> RULES;
    }

    public static WebhookTools noWebhooks() {
        return (config, args, vars) -> new WebhookToolResult("webhook tools are not configured", true, Map.of("type", "webhook"), 0);
    }

    public static ConversationLog noLog() {
        return new ConversationLog() {
            @Override public void started(ConversationStart start) {}
            @Override public void updated(String conversationId, List<TranscriptEntry> transcript) {}
            @Override public void ended(String conversationId, ConversationEnd end) {}
            @Override public void feedback(String conversationId, String score, int eventId) {}
        };
    }
}
