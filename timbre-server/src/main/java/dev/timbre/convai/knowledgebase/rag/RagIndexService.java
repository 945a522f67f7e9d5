package dev.timbre.convai.knowledgebase.rag;

import dev.timbre.common.Ids;
import dev.timbre.common.WorkerPools;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * RAG indexes of knowledge-base documents: compute (on the {@code rag-index} worker: one thread, at most
 * {@link #QUEUE} waiting), list, overview, delete. Both ElevenLabs embedding models ({@link #MODELS}) are served by
 * the one loaded {@link TextEmbedding}; an index remembers which engine computed it, and one computed by another
 * engine is recomputed when asked for again. Thread-safe. Owns {@code embeddings}: close stops the worker (running jobs
 * end as failed and are recomputed when next needed), then closes the engine.
 */
public final class RagIndexService implements AutoCloseable {
    public static final Set<String> MODELS = Set.of("e5_mistral_7b_instruct", "multilingual_e5_large_instruct");
    public static final String DEFAULT_MODEL = "e5_mistral_7b_instruct";
    /** What the overview reports as {@code total_max_bytes} (no plan limit here: 1 GiB of vectors, about 700,000 chunks). */
    static final long TOTAL_MAX_BYTES = 1L << 30;
    static final int QUEUE = 256;

    private final RagIndexRepository repository;
    private final TextEmbedding embeddings;
    private final VectorIndex index = new VectorIndex();
    private final IndexJob job;
    private final Clock clock;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), WorkerPools.daemon("rag-index"));
    private final Map<String, CompletableFuture<StoredRagIndex>> running = new ConcurrentHashMap<>();

    public RagIndexService(Jdbi jdbi, TextEmbedding embeddings, Clock clock) {
        this.repository = new RagIndexRepository(jdbi);
        this.embeddings = embeddings;
        this.clock = clock;
        this.job = new IndexJob(repository, embeddings, index, clock);
    }

    /** E31: starts computing the document's index for {@code model} unless it exists; 404 for an unknown document. */
    public RagIndexResponse compute(String documentId, String model) {
        requireDocument(documentId);
        return RagIndexResponse.of(start(documentId, model).row());
    }

    /** E32: the document's indexes. */
    public RagIndexesResponse list(String documentId) {
        requireDocument(documentId);
        return new RagIndexesResponse(repository.list(documentId).stream().map(RagIndexResponse::of).toList());
    }

    /** E33: bytes used by succeeded indexes. */
    public RagIndexOverview overview() {
        List<RagIndexOverview.Model> models = new ArrayList<>();
        long total = 0;
        for (var e : repository.usedBytesByModel().entrySet()) {
            models.add(new RagIndexOverview.Model(e.getKey(), e.getValue()));
            total += e.getValue();
        }
        return new RagIndexOverview(total, TOTAL_MAX_BYTES, models);
    }

    /** E34: deletes one index (and its vectors unless another index of the document uses them); returns it as it was. */
    public RagIndexResponse delete(String documentId, String ragIndexId) {
        requireDocument(documentId);
        StoredRagIndex i = repository.findById(ragIndexId).filter(r -> r.documentId().equals(documentId))
                .orElseThrow(() -> ApiException.notFound("rag_index_not_found", "RAG index with id '" + ragIndexId + "' not found"));
        if (!repository.delete(ragIndexId)) throw ApiException.notFound("rag_index_not_found", "RAG index with id '" + ragIndexId + "' not found");
        repository.deleteUnusedVectors(documentId, i.engineModel());
        if (repository.indexed(List.of(documentId), i.engineModel()).isEmpty()) index.remove(documentId);
        return RagIndexResponse.of(i);
    }

    /** A started (or existing) index: its row now, and the job's end (done at once when nothing runs). */
    record Started(StoredRagIndex row, CompletableFuture<StoredRagIndex> done) {}

    /** Starts the document's index for {@code model} when it is missing, failed or from another engine. */
    Started start(String documentId, String model) {
        StoredRagIndex row = repository.find(documentId, model).orElse(null);
        if (row == null) {
            long now = clock.instant().getEpochSecond();
            row = new StoredRagIndex(Ids.random(), documentId, model, embeddings.modelId(), "created", 0, 0, now, now);
            if (!repository.insert(row)) {
                row = repository.find(documentId, model).orElseThrow(() -> notFound(documentId));
            }
        } else if (row.status().equals("failed") || !row.engineModel().equals(embeddings.modelId())) {
            repository.delete(row.ragIndexId());
            return start(documentId, model);
        }
        if (row.status().equals("succeeded") || row.status().equals("document_too_small")) {
            return new Started(row, CompletableFuture.completedFuture(row));
        }
        StoredRagIndex pending = row;
        try {
            CompletableFuture<StoredRagIndex> done = running.computeIfAbsent(row.ragIndexId(), id -> {
                CompletableFuture<StoredRagIndex> f = CompletableFuture.supplyAsync(() -> job.run(pending), worker);
                f.whenComplete((r, e) -> running.remove(id));
                return f;
            });
            return new Started(row, done);
        } catch (RejectedExecutionException e) {
            throw ApiException.busy("too_many_requests", "Too many RAG indexes are being computed; try again later", 5);
        }
    }

    RagIndexRepository repository() {
        return repository;
    }

    VectorIndex index() {
        return index;
    }

    TextEmbedding embeddings() {
        return embeddings;
    }

    private void requireDocument(String documentId) {
        if (!repository.documentExists(documentId)) throw notFound(documentId);
    }

    static ApiException notFound(String documentId) {
        return ApiException.notFound("document_not_found", "Document with id '" + documentId + "' not found");
    }

    @Override
    public void close() {
        WorkerPools.stop(worker);
        embeddings.close();
    }
}
