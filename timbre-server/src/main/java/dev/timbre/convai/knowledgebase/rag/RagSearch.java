package dev.timbre.convai.knowledgebase.rag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nearest chunks of a set of documents for a query. Asks the database which of them have a succeeded index (one query:
 * an index deleted here or on another node stops being searched at once); documents without one get it computed and
 * waited for (up to {@code wait}); documents indexed but not yet in memory (a restart, another node) are loaded from
 * their stored vectors. Blocking; thread-safe.
 */
final class RagSearch {
    /** How often a search waiting for indexes reads their rows. */
    static final Duration POLL = Duration.ofMillis(50);

    private final RagIndexService service;
    private final Duration wait;

    RagSearch(RagIndexService service, Duration wait) {
        this.service = service;
        this.wait = wait;
    }

    /** The {@code k} best chunks of {@code documentIds} for {@code query} (vectors and keywords fused), best first. */
    List<VectorIndex.Hit> search(String query, List<String> documentIds, String model, int k) {
        RagIndexRepository repository = service.repository();
        String engineModel = service.embeddings().modelId();
        Set<String> indexed = new HashSet<>(repository.indexed(documentIds, engineModel));
        if (indexed.size() < documentIds.size()) {
            awaitAll(documentIds.stream().filter(d -> !indexed.contains(d)).map(d -> service.start(d, model).ragIndexId()).toList());
            indexed.addAll(repository.indexed(documentIds, engineModel));
        }
        VectorIndex index = service.index();
        for (String d : documentIds) {
            if (!indexed.contains(d)) index.remove(d);
            else if (!index.contains(d)) load(d, engineModel);
        }
        float[] q = service.embeddings().embed(List.of(query))[0];
        return index.hybridSearch(q, query, indexed, k);
    }

    /** Starts indexes the documents lack without waiting (an agent is about to talk). */
    void prepare(List<String> documentIds, String model) {
        String engineModel = service.embeddings().modelId();
        Set<String> indexed = new HashSet<>(service.repository().indexed(documentIds, engineModel));
        for (String d : documentIds) {
            try {
                if (!indexed.contains(d) && service.repository().documentExists(d)) service.start(d, model);
            } catch (RuntimeException e) {
                // too many indexes unfinished: the first question computes it
            }
        }
    }

    private void load(String documentId, String engineModel) {
        List<RagIndexRepository.StoredVector> rows = service.repository().vectors(documentId, engineModel);
        if (rows.isEmpty()) return;
        int dims = rows.get(0).vector().length / 4;
        float[] matrix = new float[rows.size() * dims];
        List<String> ids = new ArrayList<>(rows.size());
        List<String> texts = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (!Vectors.decode(rows.get(i).vector(), matrix, i * dims, dims)) return;
            ids.add(rows.get(i).chunkId());
            texts.add(rows.get(i).content());
        }
        service.index().put(new VectorIndex.Document(documentId, List.copyOf(ids), List.copyOf(texts), matrix, dims));
    }

    /**
     * Waits until each index has ended (on whichever node computes it) or {@code wait} has passed, reading the rows
     * every {@link #POLL}.
     */
    private void awaitAll(List<String> ragIndexIds) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> open = new ArrayList<>(ragIndexIds);
        while (true) {
            open.removeIf(id -> service.repository().findById(id).map(RagIndexService::finished).orElse(true));
            if (open.isEmpty() || System.nanoTime() >= deadline) return; // else searched without it: still computing
            try {
                Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
