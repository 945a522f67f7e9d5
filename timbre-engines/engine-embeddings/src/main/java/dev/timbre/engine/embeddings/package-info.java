/**
 * In-process text embeddings for retrieval (RAG): {@code MiniLmEmbedding}, all-MiniLM-L6-v2 on ONNX Runtime (the same
 * ONNX Runtime as Silero VAD). Nothing is downloaded: the model is inside its jar, DJL runs offline.
 */
package dev.timbre.engine.embeddings;
