package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.TokenUsage;
import dev.timbre.engine.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM stage: sends the conversation to the agent's model and posts the streamed reply back onto the session
 * loop. Callbacks of a request that was cancelled, or that belongs to an older round, are dropped on the loop.
 */
final class ReplyStage {
    private final ConversationSession session;
    private final SessionLoop loop;

    ReplyStage(ConversationSession session, SessionLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    /** Starts the next round of {@code turn} (loop thread). */
    void request(Turn turn, AgentProfile agent, String systemPrompt, List<ChatMessage> history, SessionConfig config) {
        int round = turn.nextRound();
        List<ChatMessage> messages = new ArrayList<>();
        if (!systemPrompt.isBlank()) messages.add(ChatMessage.system(systemPrompt));
        messages.addAll(history);
        ChatRequest request = new ChatRequest(messages, agent.tools().stream().map(AgentTool::spec).toList(),
                agent.temperature(), agent.maxTokens(), config.llmExtraBody());
        long requested = System.nanoTime();
        ChatListener listener = new ChatListener() {
            private boolean first = true;

            @Override public void text(String delta) { firstOutput(); post(() -> session.replyText(turn, delta)); }
            @Override public void toolCall(ToolCall call) { firstOutput(); post(() -> session.replyToolCall(turn, call)); }
            @Override public void end(FinishReason reason, TokenUsage usage) { post(() -> session.replyEnded(turn)); }
            @Override public void error(EngineException e) { post(() -> session.replyFailed(turn, e)); }

            /** Model thread: callbacks come one at a time, so the flag needs no lock. */
            private void firstOutput() {
                if (!first) return;
                first = false;
                long at = System.nanoTime();
                post(() -> session.llmFirstOutput(requested, at));
            }

            private void post(Runnable r) {
                loop.execute(() -> {
                    if (session.isLive(turn) && turn.rounds == round) r.run();
                });
            }
        };
        try {
            turn.stream = agent.model().open(request, listener);
        } catch (RuntimeException e) {
            EngineException failure = e instanceof EngineException ee ? ee : new EngineException("the language model failed: " + e.getMessage(), e, false);
            listener.error(failure);
        }
    }
}
