/**
 * What an agent knows beyond its prompt: {@code Knowledge} retrieves document chunks for a user turn (RAG). The
 * session asks it off its loop and hands the chunks to the LLM; the turn's transcript entry keeps the
 * {@code RagRetrieval}.
 */
package dev.timbre.agent.knowledge;
