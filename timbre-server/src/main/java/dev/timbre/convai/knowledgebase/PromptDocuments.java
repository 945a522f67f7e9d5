package dev.timbre.convai.knowledgebase;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prompt-mode documents: the agent's {@code knowledge_base} locators with {@code usage_mode: "prompt"} put their
 * documents' text into the system prompt, each under a {@code ## <name>} heading below a {@code # Knowledge base}
 * heading, in locator order. At most {@link #MAX_CHARS} characters are added in all (a document past the bound is
 * cut, later ones left out); unknown or deleted documents are skipped. Thread-safe; blocking (database reads).
 */
public final class PromptDocuments {
    /** About 50,000 tokens: what a prompt-mode knowledge base may add to the system prompt. */
    public static final int MAX_CHARS = 200_000;

    /** Adds nothing (no knowledge base wired, e.g. in tests). */
    public static final PromptDocuments NONE = new PromptDocuments(id -> Optional.empty());

    private final Function<String, Optional<StoredDocument>> documents;

    private PromptDocuments(Function<String, Optional<StoredDocument>> documents) {
        this.documents = documents;
    }

    public static PromptDocuments of(KnowledgeBaseRepository repository) {
        return new PromptDocuments(repository::find);
    }

    /** What to append to the system prompt of {@code agentConfig} (a full agent configuration); "" for nothing. */
    public String appendix(JsonNode agentConfig) {
        StringBuilder out = new StringBuilder();
        for (String id : Locators.ids(agentConfig, "prompt")) {
            Optional<StoredDocument> d = documents.apply(id);
            if (d.isEmpty()) continue;
            if (out.isEmpty()) out.append("\n\n# Knowledge base\n");
            String section = "\n## " + d.get().name() + "\n" + d.get().content() + "\n";
            int room = MAX_CHARS - out.length();
            if (section.length() > room) {
                out.append(section, 0, Math.max(0, room));
                break;
            }
            out.append(section);
        }
        return out.toString();
    }
}
