package dev.timbre.convai.knowledgebase.rag;

import dev.timbre.common.Ids;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.http.ApiException;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RAG indexes of knowledge-base documents: compute, list, overview, delete. Computing is a durable job (kind
 * {@value #JOB_KIND} on the shared {@link Jobs}, job id the index id): claimed by one node, taken over by another when
 * that one dies, each attempt counted in the index row first (failed after {@value #MAX_ATTEMPTS}); a row no longer
 * created or processing is left alone. At most {@link #QUEUE} indexes may be unfinished at once across the cluster
 * (429 past that). Concurrency: the scheduler's threads ({@code TIMBRE_JOB_THREADS} per node; the embedding engine is
 * thread-safe). Both ElevenLabs embedding models ({@link #MODELS}) are served by the one loaded {@link TextEmbedding};
 * an index remembers which engine computed it, and one computed by another engine is recomputed when asked for again.
 * The node that computes an index puts it into its in-memory {@link VectorIndex}; every other node loads it from the
 * stored vectors at its first search after the row turned succeeded ({@link RagSearch}). Thread-safe. Owns
 * {@code embeddings}: close closes the engine (after {@code Timbre} closed the scheduler).
 */
public final class RagIndexService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RagIndexService.class);
    public static final Set<String> MODELS = Set.of("e5_mistral_7b_instruct", "multilingual_e5_large_instruct");
    public static final String DEFAULT_MODEL = "e5_mistral_7b_instruct";
    /** What the overview reports as {@code total_max_bytes} (no plan limit here: 1 GiB of vectors, about 700,000 chunks). */
    static final long TOTAL_MAX_BYTES = 1L << 30;
    static final int QUEUE = 256;
    static final int MAX_ATTEMPTS = 3;
    static final String JOB_KIND = "rag-index";

    /** The job's data: which index. */
    record RagJob(String ragIndexId) {}

    private final RagIndexRepository repository;
    private final TextEmbedding embeddings;
    private final VectorIndex index = new VectorIndex();
    private final IndexJob job;
    private final Clock clock;
    private final JobKind<RagJob> jobs;

    public RagIndexService(Jdbi jdbi, TextEmbedding embeddings, Clock clock, Jobs scheduler) {
        this.repository = new RagIndexRepository(jdbi);
        this.embeddings = embeddings;
        this.clock = clock;
        this.job = new IndexJob(repository, embeddings, index, clock);
        this.jobs = scheduler.register(JOB_KIND, RagJob.class, new Retries(MAX_ATTEMPTS + 1, Duration.ofSeconds(5)),
                (id, data) -> compute(data.ragIndexId()), (id, data, cause) -> gaveUp(data.ragIndexId()));
    }

    /** E31: starts computing the document's index for {@code model} unless it exists; 404 for an unknown document. */
    public RagIndexResponse compute(String documentId, String model) {
        requireDocument(documentId);
        return RagIndexResponse.of(start(documentId, model));
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

    /** Starts the document's index for {@code model} when it is missing, failed or from another engine; returns its row now. */
    StoredRagIndex start(String documentId, String model) {
        StoredRagIndex row = repository.find(documentId, model).orElse(null);
        if (row == null) {
            if (repository.countUnfinished() >= QUEUE) {
                throw ApiException.busy("too_many_requests", "Too many RAG indexes are being computed; try again later", 5);
            }
            long now = clock.instant().getEpochSecond();
            row = new StoredRagIndex(Ids.random(), documentId, model, embeddings.modelId(), "created", 0, 0, now, now);
            if (!repository.insert(row)) {
                row = repository.find(documentId, model).orElseThrow(() -> notFound(documentId));
            }
        } else if (row.status().equals("failed") || !row.engineModel().equals(embeddings.modelId())) {
            repository.delete(row.ragIndexId());
            return start(documentId, model);
        }
        if (!finished(row)) {
            // idempotent: a job already scheduled or running (on any node) is left as it is
            jobs.schedule(row.ragIndexId(), new RagJob(row.ragIndexId()));
        }
        return row;
    }

    /** Whether an index has ended: succeeded, failed or document_too_small (not created or processing). */
    static boolean finished(StoredRagIndex row) {
        return !row.status().equals("created") && !row.status().equals("processing");
    }

    /**
     * Schedules every unfinished index that has no job (on any node); returns how many. At start-up and every cluster
     * sweep: rows of a stop between the row and its job.
     */
    public int resumePending() {
        int n = 0;
        for (String id : repository.unfinished()) n += jobs.schedule(id, new RagJob(id)) ? 1 : 0;
        if (n > 0) log.info("scheduled {} unfinished RAG indexes", n);
        return n;
    }

    /** One attempt at index {@code ragIndexId} (a job's thread). */
    private void compute(String ragIndexId) throws InterruptedException {
        int attempt = repository.startAttempt(ragIndexId);
        if (attempt < 0) return; // finished, failed or deleted meanwhile
        StoredRagIndex row = repository.findById(ragIndexId).orElse(null);
        if (row == null) return;
        if (attempt > MAX_ATTEMPTS) {
            log.warn("RAG index {} gave up after {} interrupted attempts", ragIndexId, attempt - 1);
            repository.advance(ragIndexId, "failed", 0, 0, clock.instant().getEpochSecond());
            return;
        }
        job.run(row);
    }

    private void gaveUp(String ragIndexId) {
        repository.findById(ragIndexId).filter(r -> !finished(r))
                .ifPresent(r -> repository.advance(ragIndexId, "failed", 0, 0, clock.instant().getEpochSecond()));
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
        embeddings.close();
    }
}
