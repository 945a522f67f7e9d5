package dev.timbre.texttovoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.TestServer;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Previews expire after 24 hours: then they are gone, row and audio, and cannot be saved. */
@Tag("integration")
class TextToVoiceSweepTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void expired_previews_are_swept_row_and_blob() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        var timbre = server.timbre();
        var blobs = new FileSystemBlobStore(server.dataDir().resolve("blobs"));
        var service = new TextToVoiceService(new PremadeVoices(timbre.engines(), null), timbre.services().voices(),
                new VoiceRepository(timbre.database().jdbi()), timbre.database().jdbi(), blobs, timbre.engines(), timbre.services().speech(),
                new VocabularyReader(), clock);
        var previews = service.design(new DesignRequest("A bright, cheerful young woman from London", null, null, null, null,
                null, 5L, null, null, null, null, null, null), dev.timbre.audio.OutputFormat.DEFAULT);
        String id = previews.previews().get(0).generatedVoiceId();
        String key = TextToVoiceService.BLOB_PREFIX + "previews/" + id + ".mp3";
        assertThat(service.stream(id)).isNotEmpty();
        assertThat(service.holdsBlob(key)).isTrue();

        now.set(now.get().plus(TextToVoiceService.PREVIEW_LIFETIME).plusSeconds(1));
        assertThat(service.sweep()).isEqualTo(3);
        assertThat(blobs.exists(key)).isFalse();
        assertThat(service.holdsBlob(key)).isFalse();
        assertThat(service.sweep()).isZero();
    }
}
