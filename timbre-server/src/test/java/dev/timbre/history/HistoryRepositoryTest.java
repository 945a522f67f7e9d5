package dev.timbre.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.storage.BlobStore;
import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HistoryRepositoryTest {

    static NewHistoryItem item(String voice, String text, byte[] audio) {
        return new NewHistoryItem("req", voice, "Voice", "premade", "eleven_multilingual_v2", text, 0, text.length(),
                Json.MAPPER.createObjectNode().put("stability", 0.4), "TTS", "mp3_44100_128", "audio/mpeg", audio);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void records_lists_pages_filters_and_deletes(String kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            BlobStore blobs = new FileSystemBlobStore(Files.createTempDirectory("blobs"));
            HistoryService history = new HistoryService(new HistoryRepository(db.jdbi()), blobs, Clock.systemUTC());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) ids.add(history.record(item(i % 2 == 0 ? "even" : "odd", "Text number " + i + " 50%", new byte[] {1, 2, (byte) i})).historyItemId());

            HistoryItem got = history.get(ids.get(3));
            assertThat(got.text()).isEqualTo("Text number 3 50%");
            assertThat(got.settings().get("stability").asDouble()).isEqualTo(0.4);
            assertThat(got.feedback()).isNull();

            List<String> seen = new ArrayList<>();
            String after = null;
            while (true) {
                HistoryPage page = history.list(new HistoryQuery(3, after, null, null, null, null, false, null, null));
                page.history().forEach(h -> seen.add(h.historyItemId()));
                if (!page.hasMore()) break;
                after = page.lastHistoryItemId();
            }
            List<String> newestFirst = new ArrayList<>(ids);
            java.util.Collections.reverse(newestFirst);
            assertThat(seen).containsExactlyElementsOf(newestFirst);

            assertThat(history.list(new HistoryQuery(100, null, "odd", null, null, null, true, null, null)).history())
                    .extracting(HistoryItem::historyItemId).containsExactly(ids.get(1), ids.get(3), ids.get(5));
            assertThat(history.list(new HistoryQuery(100, null, null, null, null, null, false, "NUMBER 4 50%", null)).history())
                    .extracting(HistoryItem::historyItemId).containsExactly(ids.get(4));
            assertThat(history.list(new HistoryQuery(100, null, null, null, null, null, false, "%", null)).history()).hasSize(7);
            assertThat(history.list(new HistoryQuery(100, null, null, null, null, null, false, null, "STS")).history()).isEmpty();

            try (var in = history.audio(ids.get(2)).data()) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 2);
            }
            history.delete(ids.get(2));
            assertThat(blobs.exists("history/" + ids.get(2) + ".mp3")).isFalse();
            assertThatThrownBy(() -> history.get(ids.get(2))).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
            assertThat(history.list(HistoryQuery.firstPage(100)).history()).hasSize(6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_failed_insert_leaves_no_audio_behind(String kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            var dir = Files.createTempDirectory("blobs");
            HistoryService history = new HistoryService(new HistoryRepository(db.jdbi()), new FileSystemBlobStore(dir), Clock.systemUTC());
            String tooLong = "x".repeat(100); // voice_id is VARCHAR(64)
            assertThatThrownBy(() -> history.record(item(tooLong, "text", new byte[] {9}))).isInstanceOf(RuntimeException.class);
            assertThat(history.list(HistoryQuery.firstPage(10)).history()).isEmpty();
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }
}
