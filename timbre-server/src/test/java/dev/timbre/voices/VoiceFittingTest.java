package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals of {@link VoiceFitting} that need no engine: too long, undecodable, empty; each names the sample. */
class VoiceFittingTest {
    private final VoiceFitting fitting = new VoiceFitting(new UploadDecoder(), null, java.util.Map::of, "none");

    private static ApiException refusal(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void more_than_ten_minutes_of_samples_is_too_long() {
        byte[] fiveMinutes = Wav.wrap(VoiceAudio.pcm(150, 301), new PcmFormat(16000));
        ApiException e = refusal(() -> fitting.fit(List.of(fiveMinutes, fiveMinutes)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("samples_too_long");
        assertThat(e.getMessage()).contains("600 seconds");
    }

    @Test
    void undecodable_and_empty_samples_are_named() {
        byte[] ok = Wav.wrap(VoiceAudio.pcm(150, 2), new PcmFormat(16000));
        ApiException e = refusal(() -> fitting.fit(List.of(ok, "not audio".getBytes())));
        assertThat(e.code()).isEqualTo("invalid_audio");
        assertThat(e.getMessage()).contains("Sample 2");
        assertThatThrownBy(() -> fitting.fit(List.of(new byte[0]))).isInstanceOf(ApiException.class).hasMessageContaining("Sample 1");
    }
}
