package dev.timbre;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The owners the orphan blob sweep asks: each must claim exactly the blobs its stored items use, or data is lost. */
@Tag("integration")
class BlobOwnersApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static boolean stored(String key) {
        return Files.isRegularFile(server.dataDir().resolve("blobs").resolve(key));
    }

    @Test
    void history_claims_its_items_audio_until_deleted() {
        assertThat(server.postJson("/v1/text-to-speech/" + server.firstVoiceId(), "{\"text\":\"Keep me.\"}").status()).isEqualTo(200);
        String id = server.get("/v1/history").json().at("/history/0/history_item_id").asText();
        String key = "history/" + id + ".mp3";
        assertThat(stored(key)).isTrue();
        assertThat(server.timbre().services().history().holdsBlob(key)).isTrue();
        assertThat(server.timbre().services().history().holdsBlob("history/" + id + ".wav")).isFalse();
        assertThat(server.timbre().services().history().holdsBlob("history/unknown.mp3")).isFalse();
        assertThat(server.delete("/v1/history/" + id).status()).isEqualTo(200);
        assertThat(server.timbre().services().history().holdsBlob(key)).isFalse();
    }

    @Test
    void voices_claim_their_samples() {
        short[] pcm = new short[32000]; // 1.5 s at 220 Hz in silence: a clone needs a second of voiced sound
        for (int i = 4000; i < 28000; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / 16000.0));
        byte[] wav = dev.timbre.audio.Wav.wrap(dev.timbre.audio.Pcm.toBytes(pcm), new dev.timbre.audio.PcmFormat(16000));
        var added = server.postMultipart("/v1/voices/add", new Multipart().field("name", "Owned").file("files", "s.wav", "audio/wav", wav));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String voice = added.json().get("voice_id").asText();
        String sample = server.get("/v1/voices/" + voice).json().at("/samples/0/sample_id").asText();
        String key = "voices/" + voice + "/samples/" + sample + ".wav";
        assertThat(stored(key)).isTrue();
        assertThat(server.timbre().services().voices().holdsBlob(key)).isTrue();
        assertThat(server.timbre().services().voices().holdsBlob("voices/" + voice + "/samples/other.wav")).isFalse();
        assertThat(server.timbre().services().voices().holdsBlob("voices/" + voice + "/other/" + sample + ".wav")).isFalse();
    }

    @Test
    void unknown_jobs_and_conversations_claim_nothing() {
        assertThat(server.timbre().services().speechToText().holdsBlob("stt-jobs/none")).isFalse();
        assertThat(server.timbre().services().conversations().holdsBlob("convai/conversations/conv_none/audio.mp3")).isFalse();
        assertThat(server.timbre().services().conversations().holdsBlob("convai/conversations/conv_none/other.mp3")).isFalse();
    }
}
