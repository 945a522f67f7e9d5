package dev.timbre.agent.knowledge;

import dev.timbre.agent.transcript.RagRetrieval;

/**
 * An agent's retrievable knowledge (RAG): the chunks of its {@code auto} documents nearest to a query. Implemented by
 * the server. Blocking (embeds the query, searches an index): never call it on the session loop. Thread-safe.
 */
public interface Knowledge {
    /** An agent without RAG: nothing is ever retrieved. */
    Knowledge NONE = query -> null;

    /** The chunks for {@code query} under the agent's {@code rag} settings, or null when RAG is off or finds nothing. */
    RagRetrieval retrieve(String query);
}
