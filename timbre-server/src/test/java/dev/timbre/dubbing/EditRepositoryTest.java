package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link EditRepository}'s SQL (V31) on H2 and PostgreSQL: queue order, progress, finishing, the count, deletion with the dub. */
class EditRepositoryTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void queues_runs_and_finishes_edits_in_order(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            DubbingRepository dubs = new DubbingRepository(db.jdbi());
            EditRepository edits = new EditRepository(db.jdbi());
            dubs.insert(new Dubbing("d1", "n", Dubbing.DUBBED, null, "rendered", "en", List.of("en", "es"), "{}", "audio/wav", false, 10, "k", 1,
                    true, 1, 5));
            int before = edits.countUnfinished();
            edits.insert("d1", 3, "dub", List.of("a", "b"), List.of("en", "es"), 4, 100);
            edits.insert("d1", 2, "translate", List.of("a"), List.of("es"), 1, 99);
            assertThat(edits.countUnfinished()).isEqualTo(before + 2);
            assertThat(edits.unfinished("d1")).extracting(EditRepository.Edit::version).containsExactly(2, 3);
            EditRepository.Edit first = edits.next("d1").orElseThrow();
            assertThat(first.version()).isEqualTo(2);
            assertThat(first.status()).isEqualTo(EditRepository.QUEUED);
            assertThat(first.segments()).containsExactly("a");
            assertThat(first.languages()).containsExactly("es");

            assertThat(edits.progress("d1", 2, 1)).isTrue();
            assertThat(edits.find("d1", 2).orElseThrow()).extracting(EditRepository.Edit::status, EditRepository.Edit::done)
                    .containsExactly(EditRepository.PROCESSING, 1);
            edits.finish("d1", 2, EditRepository.COMPLETE, null);
            assertThat(edits.progress("d1", 2, 1)).isFalse(); // finished: no more progress
            edits.finish("d1", 2, EditRepository.FAILED, "late"); // a finished edit stays as it ended
            assertThat(edits.find("d1", 2).orElseThrow().status()).isEqualTo(EditRepository.COMPLETE);
            assertThat(edits.next("d1").orElseThrow().version()).isEqualTo(3);
            edits.finish("d1", 3, EditRepository.FAILED, "x".repeat(2000));
            assertThat(edits.find("d1", 3).orElseThrow().error()).hasSize(1000);
            assertThat(edits.next("d1")).isEmpty();
            assertThat(edits.recent("d1", 1)).extracting(EditRepository.Edit::version).containsExactly(3);
            assertThat(edits.recent("d1", 5)).extracting(EditRepository.Edit::version).containsExactly(2, 3);
            assertThat(edits.countUnfinished()).isEqualTo(before);
            assertThat(edits.unfinished("d1")).isEmpty();

            dubs.delete("d1");
            assertThat(edits.recent("d1", 5)).isEmpty();
        }
    }
}
