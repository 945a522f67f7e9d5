package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.agent.voice.AudioEncoding;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UserAudioChunksTest {
    static final AudioEncoding PCM16 = AudioEncoding.PCM_16000, ULAW = AudioEncoding.parse("ulaw_8000");

    static String b64(int bytes) { return Base64.getEncoder().encodeToString(new byte[bytes]); }

    @Test
    void decodesWholeSamplesUpToTwoSeconds() {
        assertThat(UserAudioChunks.decode(b64(3200), PCM16)).hasSize(3200);
        assertThat(UserAudioChunks.decode(b64(64_000), PCM16)).hasSize(64_000);
        assertThat(UserAudioChunks.decode(b64(801), ULAW)).hasSize(801); // one byte per μ-law sample
        assertThat(UserAudioChunks.decode(b64(3200).replace("=", ""), PCM16)).hasSize(3200);
    }

    @Test
    void refusesBadBase64OddLengthsEmptyAndOversizedChunks() {
        assertThatThrownBy(() -> UserAudioChunks.decode("not base64!", PCM16)).hasMessageContaining("base64");
        assertThatThrownBy(() -> UserAudioChunks.decode(b64(3201), PCM16)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> UserAudioChunks.decode("", PCM16)).hasMessageContaining("no audio");
        assertThatThrownBy(() -> UserAudioChunks.decode(b64(64_002), PCM16)).hasMessageContaining("2 s");
        assertThatThrownBy(() -> UserAudioChunks.decode(b64(16_001), ULAW)).hasMessageContaining("2 s");
        assertThatThrownBy(() -> UserAudioChunks.decode("A".repeat(10_000_000), PCM16)).hasMessageContaining("2 s");
    }
}
