package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A running call's recording in the blob store: parts every 5 s of call time, served as one MP3 while the call runs;
 * deleted when the call ends (the final recording stored as before) or the conversation is deleted; kept as the
 * recording of a call its node stopped under.
 */
class LiveRecordingsTest extends RecordingServiceFixture {
    /** User tone in 100 ms chunks arriving at {@code fromMs}, {@code fromMs + 100}, … up to {@code toMs}, each offered. */
    void speak(String id, CallRecording r, long fromMs, long toMs) {
        for (long at = fromMs; at < toMs; at += 100) {
            r.userAudio(ConversationAudioTest.tone(1600), at);
            service.recordingSoFar(id, r, at);
        }
    }

    void awaitPart(String id, int part) throws InterruptedException {
        for (int i = 0; i < 200 && !blobs.exists(LiveParts.key(id, part)); i++) Thread.sleep(25);
        assertThat(blobs.exists(LiveParts.key(id, part))).as("part %d stored", part).isTrue();
    }

    double seconds(String id) throws Exception {
        try (InputStream in = service.audio(id)) {
            var decoded = AudioDecoder.mp3(in.readAllBytes());
            return decoded.pcm().length / 2.0 / decoded.format().sampleRate();
        }
    }

    @Test
    void a_running_call_serves_its_audio_so_far_and_its_parts_go_when_it_ends() throws Exception {
        service.started(ConversationsServiceTest.start("conv_live"));
        CallRecording r = new CallRecording(60);
        speak("conv_live", r, 0, 5_100);
        awaitPart("conv_live", 0); // offered at 5 s: [0, 4 s)
        assertThat(seconds("conv_live")).isBetween(3.0, 4.2);
        speak("conv_live", r, 5_100, 10_100);
        awaitPart("conv_live", 1); // offered at 10.1 s: [4 s, 9.1 s)
        assertThat(seconds("conv_live")).isBetween(8.0, 9.3);
        assertThat(service.holdsBlob(LiveParts.key("conv_live", 1))).isTrue();

        speak("conv_live", r, 10_100, 12_000);
        service.audioRecorded("conv_live", r.finish());
        assertThat(blobs.exists(LiveParts.key("conv_live", 0))).isFalse();
        assertThat(blobs.exists(LiveParts.key("conv_live", 1))).isFalse();
        assertThat(seconds("conv_live")).as("the final recording").isBetween(11.5, 12.5);
        assertThat(service.get("conv_live").get("has_audio").asBoolean()).isTrue();
    }

    /** The store as the server has it, except that whole-blob reads ({@code get}) fail: readers must stream. */
    static BlobStore streamOnly(BlobStore store) {
        return new BlobStore() {
            @Override public void put(String key, byte[] data) throws IOException { store.put(key, data); }
            @Override public void put(String key, InputStream data) throws IOException { store.put(key, data); }
            @Override public Optional<byte[]> get(String key) { throw new AssertionError("whole-blob read of " + key); }
            @Override public Optional<InputStream> open(String key) throws IOException { return store.open(key); }
            @Override public boolean exists(String key) { return store.exists(key); }
            @Override public boolean delete(String key) throws IOException { return store.delete(key); }
            @Override public List<String> keysWrittenBefore(Instant cutoff) throws IOException { return store.keysWrittenBefore(cutoff); }
        };
    }

    @Test
    void live_and_stored_recordings_are_read_as_streams() throws Exception {
        service = new ConversationsService(new ConversationRepository(db.jdbi()), new ConversationAudio(streamOnly(blobs)),
                Clock.fixed(ConversationsServiceTest.START.plusSeconds(5), ZoneOffset.UTC));
        service.started(ConversationsServiceTest.start("conv_s"));
        CallRecording r = new CallRecording(60);
        speak("conv_s", r, 0, 5_100);
        awaitPart("conv_s", 0);
        assertThat(seconds("conv_s")).isGreaterThan(3.0);
        service.audioRecorded("conv_s", r.finish());
        assertThat(seconds("conv_s")).isGreaterThan(5.0);
    }

    @Test
    void deleting_a_running_conversation_deletes_its_parts() throws Exception {
        service.started(ConversationsServiceTest.start("conv_del"));
        CallRecording r = new CallRecording(60);
        speak("conv_del", r, 0, 5_100);
        awaitPart("conv_del", 0);
        service.delete("conv_del");
        assertThat(blobs.exists(LiveParts.key("conv_del", 0))).isFalse();
        service.audioRecorded("conv_del", r.finish()); // the call ends after: nothing is stored
        assertThat(blobs.exists(ConversationAudio.key("conv_del"))).isFalse();
    }

    @Test
    void a_call_its_node_stopped_under_keeps_its_parts_as_its_recording() throws Exception {
        service.started(ConversationsServiceTest.start("conv_cut"));
        CallRecording r = new CallRecording(60);
        speak("conv_cut", r, 0, 5_100);
        awaitPart("conv_cut", 0);

        assertThat(service.failInterrupted()).isEqualTo(1);
        var c = service.get("conv_cut");
        assertThat(c.get("status").asText()).isEqualTo("failed");
        assertThat(c.get("has_audio").asBoolean()).isTrue();
        assertThat(blobs.exists(LiveParts.key("conv_cut", 0))).isFalse();
        assertThat(seconds("conv_cut")).isBetween(3.0, 4.2);
        assertThat(service.holdsBlob(ConversationAudio.key("conv_cut"))).isTrue();
    }

    @Test
    void an_unrecorded_or_silent_call_has_no_parts_and_no_audio() throws Exception {
        service.started(ConversationsServiceTest.start("conv_none"));
        CallRecording r = new CallRecording(60);
        service.recordingSoFar("conv_none", r, 6_000); // nothing recorded yet
        assertThat(blobs.exists(LiveParts.key("conv_none", 0))).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> service.audio("conv_none")))
                .hasMessageContaining("has no audio");
        assertThat(LiveParts.isPart(LiveParts.key("conv_none", 3))).isTrue();
        assertThat(LiveParts.isPart(ConversationAudio.key("conv_none"))).isFalse();
    }
}
