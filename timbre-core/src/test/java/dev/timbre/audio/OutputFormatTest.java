package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
    @Test
    void parses_every_api_value_and_prints_it_back() {
        for (String v : OutputFormat.API_VALUES) {
            assertThat(OutputFormat.parse(v)).get().extracting(OutputFormat::id).isEqualTo(v);
        }
        assertThat(OutputFormat.API_VALUES).hasSize(21);
    }

    @Test
    void rejects_unknown_values() {
        assertThat(OutputFormat.parse("mp3_44100_999")).isEmpty();
        assertThat(OutputFormat.parse("weird")).isEmpty();
        assertThat(OutputFormat.parse(null)).isEmpty();
    }

    @Test
    void knows_codec_rate_and_bitrate() {
        OutputFormat f = OutputFormat.parse("mp3_22050_32").orElseThrow();
        assertThat(f.codec()).isEqualTo(OutputFormat.Codec.MP3);
        assertThat(f.sampleRate()).isEqualTo(22050);
        assertThat(f.bitrateKbps()).isEqualTo(32);
        assertThat(OutputFormat.parse("ulaw_8000").orElseThrow().contentType()).isEqualTo("audio/basic");
    }
}
