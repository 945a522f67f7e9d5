package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The V9 tables on H2 and PostgreSQL (the latter required under CI=true). */
class PostCallJobsTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_jobs_and_webhook_health(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            PostCallJobs jobs = new PostCallJobs(db.jdbi());
            jobs.insert(PostCallJob.pending("a2", PostCallJob.ANALYSIS, "c2", null, 20));
            jobs.insert(PostCallJob.pending("a1", PostCallJob.ANALYSIS, "c1", null, 10));
            jobs.insert(PostCallJob.pending("w1", PostCallJob.WEBHOOK, "c0", "{\"type\":\"x\"}", 5));
            assertThat(jobs.pending(PostCallJob.ANALYSIS)).extracting(PostCallJob::jobId).containsExactly("a1", "a2");
            assertThat(jobs.pending(PostCallJob.WEBHOOK)).extracting(PostCallJob::payload).containsExactly("{\"type\":\"x\"}");

            jobs.retryLater("w1", 1, 999, "webhook answered HTTP 500");
            PostCallJob w1 = jobs.find("w1").orElseThrow();
            assertThat(w1.attempts()).isEqualTo(1);
            assertThat(w1.nextAttemptMs()).isEqualTo(999);
            assertThat(w1.state()).isEqualTo(PostCallJob.PENDING);
            jobs.finish("w1", PostCallJob.FAILED, 2, "gave up");
            assertThat(jobs.find("w1").orElseThrow().error()).isEqualTo("gave up");
            assertThat(jobs.pending(PostCallJob.WEBHOOK)).isEmpty();

            jobs.analysisDone("a1", PostCallJob.pending("w2", PostCallJob.WEBHOOK, "c1", "{}", 30));
            assertThat(jobs.find("a1").orElseThrow().state()).isEqualTo(PostCallJob.DONE);
            assertThat(jobs.pending(PostCallJob.WEBHOOK)).extracting(PostCallJob::jobId).containsExactly("w2");
            jobs.analysisDone("a2", null);
            assertThat(jobs.pending(PostCallJob.ANALYSIS)).isEmpty();
            assertThat(jobs.find("nope")).isEmpty();

            assertThat(jobs.health("http://h/1")).isEmpty();
            jobs.saveHealth(new PostCallJobs.Health("http://h/1", 3, null, false));
            assertThat(jobs.health("http://h/1").orElseThrow()).isEqualTo(new PostCallJobs.Health("http://h/1", 3, null, false));
            jobs.saveHealth(new PostCallJobs.Health("http://h/1", 10, 1234L, true));
            assertThat(jobs.health("http://h/1").orElseThrow()).isEqualTo(new PostCallJobs.Health("http://h/1", 10, 1234L, true));
            assertThat(jobs.enableAll()).isEqualTo(1);
            assertThat(jobs.health("http://h/1").orElseThrow()).isEqualTo(new PostCallJobs.Health("http://h/1", 0, 1234L, false));
        }
    }
}
