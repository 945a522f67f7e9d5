package dev.timbre.convai.knowledgebase.rag;

import dev.timbre.engine.TextEmbedding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes one index (a job's thread): embeds the document's chunks in batches (progress stored after each), stores
 * the vectors in one transaction, then marks the index succeeded and puts the document into the in-memory index.
 * Any failure marks it failed; a document deleted meanwhile ends the job (its index row went with it), and so
 * does a row no longer created or processing (another node finished it: only {@code RagIndexRepository.advance}
 * writes). An interrupt
 * (this node stopping) throws {@link InterruptedException} and leaves the row processing, to be tried again by a job.
 */
final class IndexJob {
    private static final Logger LOG = LoggerFactory.getLogger(IndexJob.class);
    /** Chunks per engine call: bounds the memory of one call and gives progress steps. */
    static final int BATCH = 32;

    private final RagIndexRepository repository;
    private final TextEmbedding embeddings;
    private final VectorIndex index;
    private final Clock clock;

    IndexJob(RagIndexRepository repository, TextEmbedding embeddings, VectorIndex index, Clock clock) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.index = index;
        this.clock = clock;
    }

    /** Builds {@code row}'s index; returns the row as it ends (status succeeded, failed or document_too_small). */
    StoredRagIndex run(StoredRagIndex row) throws InterruptedException {
        String id = row.ragIndexId();
        if (!repository.advance(id, "processing", 0, 0, now())) return failed(row);
        try {
            List<RagIndexRepository.Chunk> chunks = repository.chunks(row.documentId());
            if (chunks.isEmpty()) {
                repository.advance(id, "document_too_small", 100, 0, now());
                return repository.findById(id).orElse(failed(row));
            }
            int dims = embeddings.dimensions();
            float[] matrix = new float[chunks.size() * dims];
            List<String> ids = new ArrayList<>(chunks.size());
            List<String> texts = new ArrayList<>(chunks.size());
            List<byte[]> stored = new ArrayList<>(chunks.size());
            for (int from = 0; from < chunks.size(); from += BATCH) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("server stopping");
                List<RagIndexRepository.Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH));
                float[][] vectors = embeddings.embed(batch.stream().map(RagIndexRepository.Chunk::content).toList());
                for (int i = 0; i < batch.size(); i++) {
                    System.arraycopy(vectors[i], 0, matrix, (from + i) * dims, dims);
                    ids.add(batch.get(i).chunkId());
                    texts.add(batch.get(i).content());
                    stored.add(Vectors.encode(vectors[i]));
                }
                double progress = Math.min(99.0, 100.0 * (from + batch.size()) / chunks.size());
                if (!repository.advance(id, "processing", progress, 0, now())) return failed(row);
            }
            repository.storeVectors(row.documentId(), row.engineModel(), ids, stored);
            index.put(new VectorIndex.Document(row.documentId(), List.copyOf(ids), List.copyOf(texts), matrix, dims));
            if (!repository.advance(id, "succeeded", 100, (long) matrix.length * 4, now())) return failed(row);
            return repository.findById(id).orElse(failed(row));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("server stopping: " + e);
            LOG.warn("RAG index {} of document {} failed: {}", id, row.documentId(), e.toString());
            repository.advance(id, "failed", 0, 0, now());
            return failed(row);
        }
    }

    private StoredRagIndex failed(StoredRagIndex row) {
        return new StoredRagIndex(row.ragIndexId(), row.documentId(), row.model(), row.engineModel(), "failed", 0, 0,
                row.createdAtUnix(), now());
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
