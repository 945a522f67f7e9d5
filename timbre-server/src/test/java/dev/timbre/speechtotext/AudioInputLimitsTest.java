package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.AudioFormatException.Kind;
import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** How decode limits surface on the speech-to-text routes: ElevenLabs' statuses and codes, never a 500. */
class AudioInputLimitsTest {
    @Test
    void anUploadWhoseHeaderClaimsYearsIs413() {
        byte[] opus = AudioEncoder.encodeAll(new byte[16000], 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        int last = -1;
        for (int i = 0; i + 4 <= opus.length; i++) if (opus[i] == 'O' && opus[i + 1] == 'g' && opus[i + 2] == 'g' && opus[i + 3] == 'S') last = i;
        ByteBuffer.wrap(opus).order(ByteOrder.LITTLE_ENDIAN).putLong(last + 6, 1L << 50);
        ApiException e = catchThrowableOfType(() -> AudioInput.decode(opus, false, false), ApiException.class);
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.code()).isEqualTo("audio_too_long");
    }

    @Test
    void statuses() {
        assertThat(AudioInput.apiError(new AudioFormatException(Kind.TOO_LARGE, "x")).status()).isEqualTo(413);
        ApiException busy = AudioInput.apiError(new AudioFormatException(Kind.BUSY, "x"));
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.code()).isEqualTo("too_many_concurrent_requests");
        assertThat(busy.retryAfterSeconds()).isEqualTo(1);
        ApiException timeout = AudioInput.apiError(new AudioFormatException(Kind.TIMEOUT, "x"));
        assertThat(timeout.status()).isEqualTo(400);
        assertThat(timeout.code()).isEqualTo("decode_timeout");
    }

    @Test
    void highRateUploadsAreReducedTo16kHzWhileDecoding() {
        byte[] wav = AudioEncoder.encodeAll(new byte[96000], 48000, OutputFormat.parse("wav_48000").orElseThrow());
        AudioInput.Channels c = AudioInput.decode(wav, false, false);
        assertThat(c.format().sampleRate()).isEqualTo(AudioInput.RECOGNITION_RATE);
        assertThat(c.pcm().get(0)).hasSize(32000);
    }
}
