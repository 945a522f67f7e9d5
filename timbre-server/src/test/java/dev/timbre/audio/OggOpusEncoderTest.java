package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OggOpusEncoderTest {
    @ParameterizedTest
    @ValueSource(strings = {"opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192"})
    void stream_has_headers_granules_and_the_requested_bitrate(String id) throws Exception {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        byte[] input = Tone.sine(24000, 2.0);
        byte[] out = Tone.encodeInChunks(AudioEncoder.create(24000, f), input, 4800);
        OggPages ogg = OggPages.parse(out);
        int preSkip = OggOpusCheck.preSkip(ogg);
        assertThat(preSkip).isBetween(120, 960);
        assertThat(ogg.pages().get(ogg.pages().size() - 1).granule()).isEqualTo(2 * 48000 + preSkip);
        // Audio pages every 100 ms: 2 s plus padding gives about 20 of them, after the two header pages.
        assertThat(ogg.pages()).hasSizeBetween(22, 24);
        int audioBytes = ogg.packets().subList(2, ogg.packets().size()).stream().mapToInt(p -> p.length).sum();
        assertThat(audioBytes * 8 / 2.0).as("bit rate").isCloseTo(f.bitrateKbps() * 1000.0, Percentage.withPercentage(30));
        short[] pcm = OggOpusCheck.decode(ogg);
        assertThat(pcm).hasSize(2 * 48000);
        assertThat(Tone.frequency(pcm, 48000)).isCloseTo(Tone.FREQUENCY, Percentage.withPercentage(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 959, 960, 961, 48000})
    void any_length_ends_with_one_eos_page_and_an_exact_granule(int samples) throws Exception {
        OutputFormat f = OutputFormat.parse("opus_48000_64").orElseThrow();
        byte[] out = AudioEncoder.encodeAll(Tone.sine(48000, samples / 48000.0), 48000, f);
        OggPages ogg = OggPages.parse(out);
        assertThat(ogg.pages().get(ogg.pages().size() - 1).granule()).isEqualTo(samples + OggOpusCheck.preSkip(ogg));
        assertThat(OggOpusCheck.decode(ogg)).hasSize(samples);
    }
}
