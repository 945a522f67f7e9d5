package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VoiceRepositoryTest {
    private static VoiceRepository.StoredSample sample(String id, String voiceId, long at) {
        return new VoiceRepository.StoredSample(id, voiceId, id + ".wav", "audio/wav", 100, "abc", 1.5, false,
                "voices/" + voiceId + "/samples/" + id + ".wav", at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_edits_lists_and_deletes_voices_with_samples(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            VoiceRepository repo = new VoiceRepository(db.jdbi());
            var v = new VoiceRepository.StoredVoice("v1", "Clone", null, Map.of("accent", "british"), "cloned", "fake", "tone-a", 1000);
            repo.insert(v, List.of(sample("s1", "v1", 1)));
            assertThat(repo.find("v1")).contains(v);
            assertThat(repo.find("nope")).isEmpty();

            assertThat(repo.update("v1", "Renamed", "desc", Map.of("age", "young"), List.of(sample("s2", "v1", 2)))).isTrue();
            assertThat(repo.update("nope", "x", null, Map.of(), List.of())).isFalse();
            var edited = repo.find("v1").orElseThrow();
            assertThat(edited.name()).isEqualTo("Renamed");
            assertThat(edited.description()).isEqualTo("desc");
            assertThat(edited.labels()).isEqualTo(Map.of("age", "young"));
            assertThat(repo.samples("v1")).extracting(VoiceRepository.StoredSample::sampleId).containsExactly("s1", "s2");
            assertThat(repo.sample("v1", "s2")).isPresent();
            assertThat(repo.sample("other", "s2")).isEmpty();
            assertThat(repo.allSamples().get("v1")).hasSize(2);
            assertThat(repo.list()).extracting(VoiceRepository.StoredVoice::voiceId).containsExactly("v1");

            repo.saveSettings("v1", new VoiceSettings(0.1, false, 0.2, 0.3, 0.9));
            assertThat(repo.delete("v1").orElseThrow()).hasSize(2);
            assertThat(repo.delete("v1")).isEmpty();
            assertThat(repo.find("v1")).isEmpty();
            assertThat(repo.samples("v1")).isEmpty();
            assertThat(repo.settings("v1")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void settings_are_inserted_then_replaced(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            VoiceRepository repo = new VoiceRepository(db.jdbi());
            assertThat(repo.settings("premade1")).isEmpty();
            repo.saveSettings("premade1", new VoiceSettings(0.1, false, 0.2, 0.3, 0.9));
            repo.saveSettings("premade1", new VoiceSettings(0.4, true, 0.5, 0.6, 1.1));
            assertThat(repo.settings("premade1")).contains(new VoiceSettings(0.4, true, 0.5, 0.6, 1.1));
            assertThat(repo.allSettings()).containsOnlyKeys("premade1");
        }
    }
}
