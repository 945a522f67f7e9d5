package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioEncoderTest {
    static final List<String> API_VALUES = OutputFormat.API_VALUES;
    static final double SECONDS = 1.5;
    static final int INPUT_RATE = 16000;

    /** Every API format, from a 16 kHz tone fed in uneven chunks: the output decodes to the tone, at the right length. */
    @ParameterizedTest
    @FieldSource("API_VALUES")
    void every_api_format_encodes_a_chunked_tone_that_decodes_back(String id) throws Exception {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        byte[] input = Tone.sine(INPUT_RATE, SECONDS);
        byte[] out = Tone.encodeInChunks(AudioEncoder.create(INPUT_RATE, f), input, 3201, 640, 999, 4000);
        int expectedSamples = (int) (f.sampleRate() * SECONDS);
        short[] decoded;
        switch (f.codec()) {
            case PCM -> {
                assertThat(out.length).isEqualTo(expectedSamples * 2);
                decoded = Pcm.toSamples(out, 0, out.length);
            }
            case ULAW, ALAW -> {
                assertThat(out.length).isEqualTo(expectedSamples);
                decoded = new short[0];
            }
            case MP3 -> {
                Wav.Decoded d = AudioDecoder.mp3(out);
                assertThat(d.format().sampleRate()).isEqualTo(f.sampleRate());
                int frame = f.sampleRate() >= 32000 ? 1152 : 576;
                // Decoded MP3 starts with LAME's 1105-sample encoder delay and ends padded to whole frames (measured:
                // 1.6 to 2.6 frames longer than the input in all, the input itself intact).
                assertThat(d.pcm().length / 2).isBetween(expectedSamples + 1105, expectedSamples + 1105 + 2 * frame);
                assertThat((double) out.length).as("bytes at the nominal bitrate")
                        .isCloseTo(f.bitrateKbps() * 1000 * SECONDS / 8, Percentage.withPercentage(25));
                decoded = Pcm.toSamples(d.pcm(), 0, d.pcm().length);
            }
            case OPUS -> {
                OggPages ogg = OggPages.parse(out);
                assertThat(ogg.pages()).allMatch(OggPages.Page::crcValid);
                int preSkip = OggOpusCheck.preSkip(ogg);
                assertThat(ogg.pages().get(ogg.pages().size() - 1).granule() - preSkip).isEqualTo(expectedSamples);
                decoded = OggOpusCheck.decode(ogg);
                assertThat(decoded.length).isEqualTo(expectedSamples);
            }
            default -> throw new AssertionError(id);
        }
        if (decoded.length > 0) {
            assertThat(Tone.frequency(decoded, f.sampleRate())).as("tone frequency").isCloseTo(Tone.FREQUENCY, Percentage.withPercentage(3));
            assertThat(Tone.rms(decoded)).as("tone level").isCloseTo(Tone.AMPLITUDE / Math.sqrt(2), Percentage.withPercentage(25));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcm_8000", "pcm_22050", "pcm_44100", "pcm_48000", "ulaw_8000", "opus_48000_64"})
    void chunking_the_input_does_not_change_the_output(String id) {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        byte[] input = Tone.sine(INPUT_RATE, SECONDS);
        byte[] whole = f.codec() == OutputFormat.Codec.OPUS
                ? Tone.encodeInChunks(new OggOpusEncoder(INPUT_RATE, f, 7), input, input.length)
                : AudioEncoder.encodeAll(input, INPUT_RATE, f);
        byte[] chunked = f.codec() == OutputFormat.Codec.OPUS
                ? Tone.encodeInChunks(new OggOpusEncoder(INPUT_RATE, f, 7), input, 321, 17, 2048)
                : Tone.encodeInChunks(AudioEncoder.create(INPUT_RATE, f), input, 321, 17, 2048);
        assertThat(chunked).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3_22050_32", "mp3_44100_128", "opus_48000_32", "opus_48000_128"})
    void a_stream_yields_audio_before_finish(String id) {
        OutputFormat f = OutputFormat.parse(id).orElseThrow();
        AudioEncoder encoder = AudioEncoder.create(INPUT_RATE, f);
        byte[] first = encoder.encode(Tone.sine(INPUT_RATE, 0.2)); // one 200 ms chunk, as a TTS engine might send
        if (f.codec() == OutputFormat.Codec.OPUS) {
            OggPages ogg = OggPages.parse(first);
            assertThat(ogg.pages()).as("header pages plus at least one audio page").hasSizeGreaterThanOrEqualTo(3);
            assertThat(ogg.pages().get(2).packets()).hasSize(OggOpusEncoder.FRAMES_PER_PAGE);
        } else {
            assertThat(AudioDecoder.mp3(first).pcm().length / 2).as("MP3 samples decodable before finish").isGreaterThan(0);
        }
    }

    @Test
    void encode_speed_is_logged_for_opus_and_mp3() {
        byte[] input = Tone.sine(INPUT_RATE, 10);
        for (String id : List.of("opus_48000_64", "mp3_44100_128")) {
            OutputFormat f = OutputFormat.parse(id).orElseThrow();
            AudioEncoder.encodeAll(Tone.sine(INPUT_RATE, 1), INPUT_RATE, f); // warm-up
            long start = System.nanoTime();
            byte[] out = Tone.encodeInChunks(AudioEncoder.create(INPUT_RATE, f), input, 3200);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("encode %s: 10 s of audio in %.3f s, real-time factor %.4f (%d bytes)%n", id, seconds, seconds / 10, out.length);
        }
    }

    @Test
    void mp3_of_no_audio_is_a_playable_frame_of_silence() {
        AudioEncoder e = AudioEncoder.create(INPUT_RATE, OutputFormat.parse("mp3_44100_128").orElseThrow());
        byte[] mp3 = e.finish();
        assertThat(mp3.length).isPositive();
        assertThat(mp3[0] & 0xFF).isEqualTo(0xFF); // an MPEG frame sync, not an escaped AssertionError
    }

    @Test
    void opus_is_served_as_ogg() {
        assertThat(OutputFormat.parse("opus_48000_64").orElseThrow().contentType()).isEqualTo("audio/ogg");
    }
}
