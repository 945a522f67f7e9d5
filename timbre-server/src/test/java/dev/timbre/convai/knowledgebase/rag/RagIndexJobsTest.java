package dev.timbre.convai.knowledgebase.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.db.Database;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.jobs.JobSettings;
import dev.timbre.jobs.Jobs;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RAG indexes as durable jobs across nodes, on H2 and PostgreSQL: the index of a node that hangs mid-job (no more
 * heartbeats, as a killed node looks) is computed by another within the take-over bound, the late node cannot undo
 * it, and a third node that computed nothing finds the index in the database and searches it.
 */
@Tag("integration")
class RagIndexJobsTest {
    static final List<String> CHUNKS = List.of("apples and pears grow on trees", "the sky is blue at noon", "rivers run to the sea");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void the_index_of_a_dead_node_is_computed_by_another_and_seen_by_a_third(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            String doc = KnowledgeRows.document(db.jdbi(), "facts", CHUNKS);
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            // node A claims the job, then hangs in the engine and never beats again (an hour between heartbeats)
            JobSettings silent = new JobSettings(1, Duration.ofMillis(50), Duration.ofHours(1), 4, Duration.ofSeconds(1), null);
            try (Jobs a = TestJobs.on(db, silent); Jobs b = TestJobs.on(db); Jobs c = TestJobs.on(db)) {
                RagIndexService onA = new RagIndexService(db.jdbi(), new Words(started, release), Clock.systemUTC(), a);
                a.start();
                StoredRagIndex row = onA.start(doc, RagIndexService.DEFAULT_MODEL);
                assertThat(row.status()).isEqualTo("created");
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                long stalled = System.nanoTime();

                RagIndexService onB = new RagIndexService(db.jdbi(), new Words(null, null), Clock.systemUTC(), b);
                b.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> status(onB, row.ragIndexId()).equals("succeeded"));
                Duration takeOver = Duration.ofNanos(System.nanoTime() - stalled);
                System.out.printf("%s: RAG index of a silent node finished by another after %d ms (take-over bound %d ms)%n", kind,
                        takeOver.toMillis(), TestJobs.FAST.takeOverWithin().toMillis());
                assertThat(takeOver).isLessThanOrEqualTo(TestJobs.FAST.takeOverWithin().plusSeconds(5));
                assertThat(attempts(db, row.ragIndexId())).as("A's attempt and B's").isEqualTo(2);
                assertThat(onB.index().contains(doc)).as("the computing node holds it").isTrue();

                // node C computed nothing: its first search finds the index succeeded in the database and loads it
                RagIndexService onC = new RagIndexService(db.jdbi(), new Words(null, null), Clock.systemUTC(), c);
                assertThat(onC.index().contains(doc)).isFalse();
                List<VectorIndex.Hit> hits = new RagSearch(onC, Duration.ofSeconds(5)).search("is the sky blue", List.of(doc),
                        RagIndexService.DEFAULT_MODEL, 1);
                assertThat(hits).extracting(VectorIndex.Hit::chunkId).containsExactly(doc + "_1");
                assertThat(onC.index().contains(doc)).isTrue();

                release.countDown(); // A carries on late: the row is no longer processing, it writes no status
                Thread.sleep(1000);
                assertThat(status(onB, row.ragIndexId())).isEqualTo("succeeded");
                assertThat(onB.resumePending()).as("nothing unfinished to catch up").isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void an_index_whose_attempts_all_died_with_their_node_fails_and_a_live_job_is_not_run_twice(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            String doc = KnowledgeRows.document(db.jdbi(), "facts", CHUNKS);
            String other = KnowledgeRows.document(db.jdbi(), "more", CHUNKS);
            // as nodes that died in each of the row's attempts leave it: processing, attempts used up, no job
            RagIndexRepository rows = new RagIndexRepository(db.jdbi());
            rows.insert(new StoredRagIndex("idx_dead", doc, RagIndexService.DEFAULT_MODEL, "test-words", "processing", 40, 0, 1, 1));
            db.jdbi().useHandle(h -> h.execute("UPDATE rag_indexes SET attempts = ? WHERE rag_index_id = 'idx_dead'", RagIndexService.MAX_ATTEMPTS));
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            try (Jobs a = TestJobs.on(db); Jobs b = TestJobs.on(db)) {
                Words engine = new Words(started, release);
                RagIndexService onA = new RagIndexService(db.jdbi(), engine, Clock.systemUTC(), a);
                RagIndexService onB = new RagIndexService(db.jdbi(), new Words(null, null), Clock.systemUTC(), b);
                assertThat(onA.resumePending()).isEqualTo(1);
                a.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> status(onA, "idx_dead").equals("failed"));
                assertThat(started.getCount()).as("no engine call for a row out of attempts").isEqualTo(1);

                // a job running on A (alive, beating): B's start-up catch-up and a compute on B leave it to A
                StoredRagIndex live = onA.start(other, RagIndexService.DEFAULT_MODEL);
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                b.start();
                assertThat(onB.resumePending()).isZero();
                assertThat(onB.start(other, RagIndexService.DEFAULT_MODEL).ragIndexId()).isEqualTo(live.ragIndexId());
                Thread.sleep(1000); // several heartbeats and dead checks
                assertThat(attempts(db, live.ragIndexId())).as("only A's attempt").isEqualTo(1);
                release.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> status(onB, live.ragIndexId()).equals("succeeded"));
                assertThat(attempts(db, live.ragIndexId())).isEqualTo(1);
            }
        }
    }

    private static String status(RagIndexService service, String id) {
        return service.repository().findById(id).map(StoredRagIndex::status).orElse("gone");
    }

    private static int attempts(Database db, String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT attempts FROM rag_indexes WHERE rag_index_id = :id")
                .bind("id", id).mapTo(Integer.class).one());
    }

    /** Words hashed into 64 dimensions (unit length); with latches, the first call signals and waits. */
    static final class Words implements TextEmbedding {
        private final CountDownLatch started, release;

        Words(CountDownLatch started, CountDownLatch release) {
            this.started = started;
            this.release = release;
        }

        @Override
        public float[][] embed(List<String> texts) {
            if (started != null && started.getCount() > 0) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                float[] v = new float[64];
                for (String w : texts.get(i).toLowerCase(Locale.ROOT).split("\\W+")) if (!w.isEmpty()) v[Math.floorMod(w.hashCode(), 64)] += 1;
                out[i] = TextEmbedding.normalise(v);
            }
            return out;
        }

        @Override
        public int dimensions() {
            return 64;
        }

        @Override
        public String modelId() {
            return "test-words";
        }
    }
}
