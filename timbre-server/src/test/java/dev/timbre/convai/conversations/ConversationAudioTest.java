package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import dev.timbre.http.ApiException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Recordings through the service: MP3 in the blob store, has_* flags, the audio stream, deletion. */
class ConversationAudioTest extends RecordingServiceFixture {
    /** 1.5 s of a 440 Hz tone from the user at 0.5 s; with {@code agent}, 1 s of agent tone at 2 s. */
    static RecordedCall call(boolean agent) {
        CallRecording r = new CallRecording(60);
        r.userAudio(tone(24000), 500);
        if (agent) r.agentAudio(tone(16000), 2000);
        return r.finish();
    }

    static short[] tone(int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        return pcm;
    }

    @Test
    void a_recording_is_stored_as_mp3_and_flagged() throws Exception {
        service.started(ConversationsServiceTest.start("conv_r"));
        ObjectNode before = service.get("conv_r");
        assertThat(before.get("has_audio").asBoolean()).isFalse();

        service.audioRecorded("conv_r", call(true));
        ObjectNode after = service.get("conv_r");
        assertThat(after.get("has_audio").asBoolean()).isTrue();
        assertThat(after.get("has_user_audio").asBoolean()).isTrue();
        assertThat(after.get("has_response_audio").asBoolean()).isTrue();
        assertThat(blobs.exists("convai/conversations/conv_r/audio.mp3")).isTrue();

        byte[] mp3;
        try (InputStream in = service.audio("conv_r")) {
            mp3 = in.readAllBytes();
        }
        Wav.Decoded decoded = AudioDecoder.mp3(mp3);
        assertThat(decoded.format().sampleRate()).isEqualTo(16000);
        double seconds = decoded.pcm().length / 2 / 16000.0;
        assertThat(seconds).as("3 s of call, plus the encoder's padding").isBetween(3.0, 3.2);

        service.ended("conv_r", new ConversationEnd(ConversationsServiceTest.START.plusSeconds(4), null, "done", null, null));
        assertThat(service.get("conv_r").get("has_audio").asBoolean()).as("later writes keep the flags").isTrue();

        service.delete("conv_r");
        assertThat(blobs.exists("convai/conversations/conv_r/audio.mp3")).isFalse();
    }

    @Test
    void user_only_audio_is_flagged_as_such() {
        service.started(ConversationsServiceTest.start("conv_u"));
        service.audioRecorded("conv_u", call(false));
        ObjectNode c = service.get("conv_u");
        assertThat(c.get("has_audio").asBoolean()).isTrue();
        assertThat(c.get("has_user_audio").asBoolean()).isTrue();
        assertThat(c.get("has_response_audio").asBoolean()).isFalse();
    }

    @Test
    void without_a_recording_the_audio_is_a_404() {
        service.started(ConversationsServiceTest.start("conv_t"));
        service.audioRecorded("conv_t", new CallRecording(10).finish());
        assertThatThrownBy(() -> service.audio("conv_t")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).contains("has no audio");
        });
        assertThatThrownBy(() -> service.audio("conv_missing")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void a_recording_for_an_unknown_conversation_is_dropped() {
        service.audioRecorded("conv_gone", call(true));
        assertThat(blobs.exists("convai/conversations/conv_gone/audio.mp3")).isFalse();
    }
}
