package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptRepositoryTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_transcripts_and_jobs(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TranscriptRepository repo = new TranscriptRepository(db.jdbi());
            repo.insert(new TranscriptRepository.Stored("t1", "scribe_v1", 10, "{\"text\":\"hi\"}"));
            assertThat(repo.find("t1").orElseThrow().response()).isEqualTo("{\"text\":\"hi\"}");
            assertThat(repo.find("t2")).isEmpty();
            assertThat(repo.delete("t1")).isTrue();
            assertThat(repo.delete("t1")).isFalse();

            repo.insertJob(new TranscriptRepository.Job("j2", "r2", 20, TranscriptRepository.PENDING, "{}", "stt-jobs/j2", 0, null));
            repo.insertJob(new TranscriptRepository.Job("j1", "r1", 10, TranscriptRepository.PENDING, "{}", "stt-jobs/j1", 0, null));
            repo.insertJob(new TranscriptRepository.Job("j3", "r3", 5, TranscriptRepository.DONE, "{}", "stt-jobs/j3", 1, null));
            assertThat(repo.pendingJobs()).extracting(TranscriptRepository.Job::transcriptionId).containsExactly("j1", "j2");
            repo.finishJob("j1", TranscriptRepository.FAILED, 1, "webhook answered HTTP 500");
            TranscriptRepository.Job j1 = repo.findJob("j1").orElseThrow();
            assertThat(j1.state()).isEqualTo(TranscriptRepository.FAILED);
            assertThat(j1.error()).contains("500");
            assertThat(j1.attempts()).isEqualTo(1);
            assertThat(repo.pendingJobs()).extracting(TranscriptRepository.Job::transcriptionId).containsExactly("j2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void attempts_are_counted_before_the_work_and_only_for_pending_jobs(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TranscriptRepository repo = new TranscriptRepository(db.jdbi());
            repo.insertJob(new TranscriptRepository.Job("a1", "r1", 10, TranscriptRepository.PENDING, "{}", "stt-jobs/a1", 0, null));
            assertThat(repo.startAttempt("a1")).isEqualTo(1);
            assertThat(repo.startAttempt("a1")).isEqualTo(2);
            assertThat(repo.findJob("a1").orElseThrow().attempts()).isEqualTo(2);
            repo.finishJob("a1", TranscriptRepository.DONE, 2, null);
            assertThat(repo.startAttempt("a1")).isEqualTo(-1);
            assertThat(repo.startAttempt("missing")).isEqualTo(-1);
        }
    }
}
