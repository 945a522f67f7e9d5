package dev.timbre.audio;

import static dev.timbre.audio.UploadFixtures.assertKind;
import static dev.timbre.audio.UploadFixtures.assertTone;
import static dev.timbre.audio.UploadFixtures.concat;
import static dev.timbre.audio.UploadFixtures.interleave;
import static dev.timbre.audio.UploadFixtures.samples;
import static dev.timbre.audio.UploadFixtures.seconds;
import static dev.timbre.audio.UploadFixtures.sine;
import static dev.timbre.audio.UploadFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.timbre.audio.AudioFormatException.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadDecoderTest {
    private final UploadDecoder decoder = new UploadDecoder(UploadDecoder.DEFAULT_MAX_BYTES, 600, Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {"mp3_44100_128", "mp3_22050_32", "mp3_24000_48"})
    void mp3FromTheEncoder(String format) {
        OutputFormat f = OutputFormat.parse(format).orElseThrow();
        byte[] file = AudioEncoder.encodeAll(Tone.sine(24000, 2.0), 24000, f);
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.MP3);
        Wav.Decoded d = decoder.decode(file);
        assertThat(d.format().sampleRate()).isEqualTo(f.sampleRate());
        assertTone(d, 2.0, 0.1);
    }

    @Test
    void mp3AfterAnId3Tag() {
        byte[] mp3 = AudioEncoder.encodeAll(Tone.sine(24000, 1.0), 24000, OutputFormat.parse("mp3_44100_128").orElseThrow());
        byte[] tag = new byte[10 + 300];
        System.arraycopy("ID3".getBytes(), 0, tag, 0, 3);
        tag[3] = 4;
        tag[8] = 300 >> 7;
        tag[9] = 300 & 0x7f;
        tag[20] = (byte) 0xff; // a stray sync byte inside the tag
        tag[21] = (byte) 0xfb;
        byte[] file = concat(tag, mp3);
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.MP3);
        assertTone(decoder.decode(file), 1.0, 0.1);
    }

    @Test
    void oggOpusHonoursPreSkipAndFinalGranule() throws Exception {
        byte[] pcm = Tone.sine(48000, 1.5);
        byte[] file = AudioEncoder.encodeAll(pcm, 48000, OutputFormat.parse("opus_48000_64").orElseThrow());
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.OGG_OPUS);
        Wav.Decoded d = decoder.decode(file);
        assertThat(d.format().sampleRate()).isEqualTo(48000);
        assertThat(samples(d).length).isEqualTo(OggOpusCheck.decode(file).length);
        assertThat(samples(d).length).isEqualTo(pcm.length / 2);
        assertTone(d, 1.5, 0.001);
    }

    @Test
    void oggOpusFrom16kInput() {
        byte[] file = AudioEncoder.encodeAll(Tone.sine(16000, 1.0), 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        Wav.Decoded d = UploadDecoder.to16k(decoder.decode(file));
        assertThat(d.format().sampleRate()).isEqualTo(16000);
        assertTone(d, 1.0, 0.01);
    }

    @Test
    void stereoFlac() {
        short[] left = sine(44100, 1.2, 440, 8000), right = sine(44100, 1.2, 440, 4000);
        byte[] file = FlacWriter.write(new short[][] {left, right}, 44100, 4096);
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.FLAC);
        List<Wav.Decoded> ch = decoder.decodeChannels(file);
        assertThat(ch).hasSize(2);
        assertThat(samples(ch.get(0))).containsExactly(left);
        assertThat(samples(ch.get(1))).containsExactly(right);
        Wav.Decoded mono = decoder.decode(file);
        assertThat(mono.format().sampleRate()).isEqualTo(44100);
        assertTone(mono, 1.2, 0.0001);
    }

    @Test
    void monoFlacResampledTo16k() {
        byte[] file = FlacWriter.write(new short[][] {sine(22050, 1.0, 440, 8000)}, 22050, 1152);
        Wav.Decoded d = decoder.decode16k(file);
        assertThat(d.format().sampleRate()).isEqualTo(16000);
        assertTone(d, 1.0, 0.01);
    }

    @Test
    void rawPcm16k() {
        byte[] pcm = Tone.sine(16000, 0.75);
        Wav.Decoded d = decoder.decodeRawPcm16k(concat(pcm, new byte[] {1}));
        assertThat(d.pcm()).isEqualTo(pcm);
        assertThat(d.format().sampleRate()).isEqualTo(16000);
        assertThatThrownBy(() -> decoder.decodeRawPcm16k(new byte[1])).isInstanceOf(AudioFormatException.class)
                .extracting(e -> ((AudioFormatException) e).kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void emptyInput() {
        assertKind(() -> decoder.decode(new byte[0]), Kind.EMPTY);
        assertKind(() -> decoder.decodeChannels(new byte[0]), Kind.EMPTY);
        assertThat(new AudioFormatException(Kind.EMPTY, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownBytesAreUnsupported() {
        byte[] text = "hello, this is not audio at all, just some text in a file".getBytes();
        assertKind(() -> decoder.decode(text), Kind.UNSUPPORTED);
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        noise[0] = 0; // no accidental sync at 0
        Throwable t = catchThrowable(() -> decoder.decode(noise));
        assertThat(t).isInstanceOf(AudioFormatException.class);
    }

    @Test
    void videoContainersNeedFfmpeg() {
        byte[] mp4 = concat(new byte[] {0, 0, 0, 0x18}, "ftypisom\0\0\2\0isomiso2mp41".getBytes());
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0};
        byte[] vorbis = concat("OggS".getBytes(), new byte[40]);
        assertThat(AudioContainer.detect(mp4)).isEqualTo(AudioContainer.MP4);
        assertThat(AudioContainer.detect(webm)).isEqualTo(AudioContainer.MATROSKA);
        assertThat(AudioContainer.detect(vorbis)).isEqualTo(AudioContainer.OGG_OTHER);
        for (byte[] f : List.of(mp4, webm, vorbis)) {
            Throwable t = catchThrowable(() -> decoder.decode(f));
            assertThat(t).isInstanceOf(AudioFormatException.class).hasMessageContaining("install ffmpeg");
            assertThat(((AudioFormatException) t).kind()).isEqualTo(Kind.UNSUPPORTED);
            assertThat(((AudioFormatException) t).httpStatus()).isEqualTo(415);
            assertThat(((AudioFormatException) t).code()).isEqualTo("unsupported_audio_format");
        }
    }

    @Test
    void limits() {
        byte[] file = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("wav_16000").orElseThrow());
        assertKind(() -> new UploadDecoder(1000, 600, Optional.empty()).decode(file), Kind.TOO_LARGE);
        UploadDecoder short1s = new UploadDecoder(1 << 20, 1.0, Optional.empty());
        assertKind(() -> short1s.decode(file), Kind.TOO_LONG);
        assertKind(() -> short1s.decodeRawPcm16k(Tone.sine(16000, 2.0)), Kind.TOO_LONG);
        byte[] mp3 = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("mp3_22050_32").orElseThrow());
        assertKind(() -> short1s.decode(mp3), Kind.TOO_LONG);
        byte[] opus = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        assertKind(() -> short1s.decode(opus), Kind.TOO_LONG);
        byte[] flac = FlacWriter.write(new short[][] {sine(16000, 2.0, 440, 8000)}, 16000, 4096);
        assertKind(() -> short1s.decode(flac), Kind.TOO_LONG);
        assertThat(seconds(new UploadDecoder(1 << 20, 2.5, Optional.empty()).decode(file))).isCloseTo(2.0, within(0.001));
    }

    @Test
    void truncatedAndDamagedHeaders() {
        byte[] wav = AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("wav_16000").orElseThrow());
        assertKind(() -> decoder.decode(Arrays.copyOf(wav, 12)), Kind.CORRUPT);
        assertKind(() -> decoder.decode(Arrays.copyOf(wav, 30)), Kind.CORRUPT);
        assertKind(() -> decoder.decode(Arrays.copyOf(wav, 44)), Kind.CORRUPT);
        assertThat(seconds(decoder.decode(Arrays.copyOf(wav, 44 + 8000)))).isCloseTo(0.25, within(0.001));
        byte[] badTag = wav.clone();
        badTag[20] = 2; // MS ADPCM
        assertKind(() -> decoder.decode(badTag), Kind.UNSUPPORTED);
        byte[] flac = FlacWriter.write(new short[][] {sine(16000, 0.5, 440, 8000)}, 16000, 4096);
        assertKind(() -> decoder.decode(Arrays.copyOf(flac, 20)), Kind.CORRUPT);
        assertKind(() -> decoder.decode(Arrays.copyOf(flac, 42)), Kind.CORRUPT);
        byte[] opus = AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        assertKind(() -> decoder.decode(Arrays.copyOf(opus, 40)), Kind.CORRUPT);
        byte[] id3Only = concat("ID3".getBytes(), new byte[] {4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5});
        assertThat(catchThrowable(() -> decoder.decode(id3Only))).isInstanceOf(AudioFormatException.class);
    }

    @Test
    void truncatedFilesDecodeWhatIsThereOrFailCleanly() {
        for (byte[] file : validFiles()) {
            for (double frac : new double[] {0.1, 0.5, 0.9}) {
                byte[] cut = Arrays.copyOf(file, (int) (file.length * frac));
                Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> decoder.decode(cut)));
                if (t != null) assertThat(t).isInstanceOf(AudioFormatException.class);
            }
        }
    }

    @Test
    void randomDamageNeverCrashesOrHangs() {
        Random r = new Random(42);
        for (byte[] file : validFiles()) {
            for (int round = 0; round < Integer.getInteger("fuzzRounds", 25); round++) {
                byte[] bad = file.clone();
                int keep = Math.min(bad.length, 4); // keep the magic so each decoder is exercised
                for (int k = 0; k < 1 + r.nextInt(40); k++) bad[keep + r.nextInt(bad.length - keep)] = (byte) r.nextInt();
                Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> decoder.decodeChannels(bad)));
                if (t != null) assertThat(t).as("round %d", round).isInstanceOf(AudioFormatException.class);
            }
        }
    }

    private static List<byte[]> validFiles() {
        return List.of(
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("wav_16000").orElseThrow()),
                wav(1, 2, 8000, 24, interleave(new short[][] {sine(8000, 0.5, 440, 8000), sine(8000, 0.5, 440, 8000)}, 24, false), true),
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("mp3_22050_32").orElseThrow()),
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("opus_48000_32").orElseThrow()),
                FlacWriter.write(new short[][] {sine(16000, 0.5, 440, 8000), sine(16000, 0.5, 220, 8000)}, 16000, 1024));
    }

}
