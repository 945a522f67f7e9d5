package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ResourceRepository}'s SQL on H2 and PostgreSQL: versions, segment edits, stale dubs, languages, renders. */
class ResourceRepositoryTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void edits_a_dubs_rows(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            DubbingRepository dubs = new DubbingRepository(db.jdbi());
            SegmentRepository parts = new SegmentRepository(db.jdbi());
            ResourceRepository edits = new ResourceRepository(db.jdbi());
            dubs.insert(new Dubbing("d1", "n", Dubbing.DUBBED, null, "rendered", "en", List.of("en"), "{}", "audio/wav", false, 10, "k", 1, true, 1, 5));
            parts.replaceTranscript("d1", List.of(new SegmentRepository.Speaker("s0", "Speaker 1", "{}")), List.of());
            assertThat(edits.bump("d1")).isEqualTo(2);
            assertThat(edits.bump("gone")).isEqualTo(-1);

            SegmentRepository.Segment seg = new SegmentRepository.Segment("g1", "s0", 1, 2, "hi");
            edits.insert("d1", seg, List.of(new SegmentRepository.Dub("g1", "en", 1, 2, "hola", "key", false, false)));
            assertThat(edits.segment("d1", "g1")).contains(seg);
            edits.updateSegment("d1", new SegmentRepository.Segment("g1", "s0", 1.5, 2.5, "hello"));
            SegmentRepository.Dub d = parts.dubs("d1", "en").get(0);
            assertThat(d.start()).isEqualTo(1.5);
            assertThat(d.audioStale()).isTrue();
            parts.spoken("d1", "g1", "en", 2.4, "key2", false);
            edits.staleSpeaker("d1", "s0", "en");
            assertThat(parts.dubs("d1", "en").get(0).audioStale()).isTrue();

            edits.addLanguage("d1", List.of("en", "es"), List.of(new SegmentRepository.Dub("g1", "es", 1.5, 2.5, null, null, true, false)));
            assertThat(dubs.find("d1").orElseThrow().targetLangs()).containsExactly("en", "es");
            assertThat(parts.dubs("d1", "es")).hasSize(1);

            dubs.putRender("d1", new DubbingRepository.Render("en-mp3", "en", "mp3", "old", "processing", 3));
            edits.renderDone("d1", "en-mp3", 3, "failed", null);
            assertThat(dubs.renders("d1").get(0)).isEqualTo(new DubbingRepository.Render("en-mp3", "en", "mp3", "old", "failed", 3));
            edits.renderDone("d1", "en-mp3", 2, "complete", "stale"); // an older render's job: no effect
            edits.renderDone("d1", "en-mp3", 3, "complete", "new");
            assertThat(dubs.renders("d1").get(0).mediaKey()).isEqualTo("new");

            assertThat(edits.deleteSegment("d1", "g1")).isTrue();
            assertThat(edits.deleteSegment("d1", "g1")).isFalse();
            assertThat(parts.dubs("d1", "en")).isEmpty();
        }
    }
}
