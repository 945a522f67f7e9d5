package dev.timbre.agent.session;

import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.transcript.RagRetrieval;
import dev.timbre.engine.ChatMessage;
import java.util.List;

/**
 * The RAG stage: before a turn's first LLM round, retrieves the agent's knowledge for the user's last message on the
 * loop's blocking pool (never on the loop: it embeds the query and searches) and posts the result back. A turn that
 * was cancelled or replaced meanwhile drops it. A retrieval that fails is logged and the turn goes on without it.
 */
final class KnowledgeStage {
    private static final System.Logger LOG = System.getLogger(KnowledgeStage.class.getName());
    static final String HEADER = "\n\nUse the following information from the knowledge base when it helps to answer. "
            + "Each passage is separated by a line of dashes.\n\n";

    private final ConversationSession session;
    private final SessionLoop loop;

    KnowledgeStage(ConversationSession session, SessionLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    /**
     * Loop thread. Runs {@code then} on the loop once {@code turn.rag} is set (or at once when the agent has no
     * knowledge or there is no user message to look up).
     */
    void retrieve(Turn turn, Knowledge knowledge, List<ChatMessage> messages, Runnable then) {
        String query = lastUserText(messages);
        if (knowledge == Knowledge.NONE || query == null) {
            then.run();
            return;
        }
        loop.executeBlocking(() -> {
            RagRetrieval found;
            try {
                found = knowledge.retrieve(query);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "knowledge retrieval failed: " + e.getMessage(), e);
                found = null;
            }
            RagRetrieval result = found;
            loop.execute(() -> {
                if (!session.isLive(turn)) return;
                turn.rag = result;
                turn.ragUnrecorded = result != null;
                then.run();
            });
        });
    }

    /** {@code systemPrompt} followed by the retrieved chunks' text (already bounded by the agent's settings). */
    static String prompt(String systemPrompt, RagRetrieval rag) {
        if (rag == null || rag.chunks().isEmpty()) return systemPrompt;
        StringBuilder b = new StringBuilder(systemPrompt).append(HEADER);
        for (int i = 0; i < rag.chunks().size(); i++) {
            if (i > 0) b.append("\n\n---\n\n");
            b.append(rag.chunks().get(i).content());
        }
        return b.toString();
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            if (m.role() == ChatMessage.Role.USER) return m.content() == null || m.content().isBlank() ? null : m.content();
        }
        return null;
    }
}
