package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.timbre.audio.AudioFormatException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadDecoderTest {
    private final UploadDecoder decoder = new UploadDecoder(UploadDecoder.DEFAULT_MAX_BYTES, 600, Optional.empty());

    private static short[] samples(Wav.Decoded d) { return Pcm.toSamples(d.pcm(), 0, d.pcm().length); }

    private static double seconds(Wav.Decoded d) { return d.format().seconds(d.pcm().length); }

    private static void assertTone(Wav.Decoded d, double expectedSeconds, double tolerance) {
        assertThat(seconds(d)).isCloseTo(expectedSeconds, within(tolerance));
        assertThat(Tone.frequency(samples(d), d.format().sampleRate())).isCloseTo(Tone.FREQUENCY, within(3.0));
        assertThat(Tone.rms(samples(d))).isGreaterThan(Tone.AMPLITUDE / Math.sqrt(2) * 0.4);
    }

    static short[] sine(int rate, double seconds, double freq, double amp) {
        short[] s = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(amp * Math.sin(2 * Math.PI * freq * i / rate));
        return s;
    }

    /** A hand-built WAV: {@code tag} 1 PCM, 3 float, 6 A-law, 7 µ-law; extensible wraps it in WAVE_FORMAT_EXTENSIBLE. */
    static byte[] wav(int tag, int channels, int rate, int bits, byte[] data, boolean extensible) {
        int fmtLen = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtLen + 8 + 8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtLen).putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
            b.putShort((short) tag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("LIST".getBytes()).putInt(0); // an empty chunk to skip
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    /** Interleaves channels and writes each sample with {@code bits} (8 unsigned, 16/24/32 signed, or float when float). */
    static byte[] interleave(short[][] ch, int bits, boolean isFloat) {
        int n = ch[0].length, bytes = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(n * ch.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (short[] c : ch) {
                int v = c[i];
                if (isFloat) {
                    if (bits == 32) b.putFloat(v / 32768f);
                    else b.putDouble(v / 32768.0);
                } else switch (bits) {
                    case 8 -> b.put((byte) ((v >> 8) + 128));
                    case 16 -> b.putShort((short) v);
                    case 24 -> b.put((byte) 0x5a).put((byte) v).put((byte) (v >> 8));
                    default -> b.putInt(v << 16 | 0x1234);
                }
            }
        }
        return b.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav_8000", "wav_16000", "wav_22050", "wav_44100", "wav_48000"})
    void wavsFromTheEncoderAtEachRate(String format) {
        OutputFormat f = OutputFormat.parse(format).orElseThrow();
        byte[] file = AudioEncoder.encodeAll(Tone.sine(24000, 1.0), 24000, f);
        Wav.Decoded d = decoder.decode(file);
        assertThat(d.format().sampleRate()).isEqualTo(f.sampleRate());
        assertTone(d, 1.0, 0.01);
        assertThat(AudioContainer.detect(file)).isEqualTo(AudioContainer.WAV);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerWavsOfEachDepth(int bits) {
        short[] tone = sine(11025, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(1, 1, 11025, bits, interleave(new short[][] {tone}, bits, false), false));
        assertThat(d.format().sampleRate()).isEqualTo(11025);
        assertTone(d, 0.5, 0.001);
        if (bits >= 16) assertThat(samples(d)).containsExactly(tone);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void floatWavs(int bits) {
        short[] tone = sine(16000, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(3, 1, 16000, bits, interleave(new short[][] {tone}, bits, true), false));
        assertThat(samples(d)).containsExactly(tone);
    }

    @Test
    void floatWavClipsOutOfRangeSamples() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(2f).putFloat(-2f).putFloat(Float.NaN).putFloat(0.5f);
        Wav.Decoded d = decoder.decode(wav(3, 1, 8000, 32, b.array(), false));
        assertThat(samples(d)).containsExactly((short) 32767, (short) -32768, (short) 0, (short) 16384);
    }

    @Test
    void stereoWavDownmixesAndSplitsChannels() {
        short[] left = sine(44100, 1.0, 440, 8000), right = new short[left.length];
        byte[] file = wav(1, 2, 44100, 16, interleave(new short[][] {left, right}, 16, false), false);
        Wav.Decoded mono = decoder.decode(file);
        assertTone(mono, 1.0, 0.001);
        assertThat(Tone.rms(samples(mono))).isCloseTo(Tone.rms(left) / 2, within(2.0));
        List<Wav.Decoded> channels = decoder.decodeChannels(file);
        assertThat(channels).hasSize(2);
        assertThat(samples(channels.get(0))).containsExactly(left);
        assertThat(Pcm.rms(channels.get(1).pcm())).isZero();
    }

    @Test
    void extensibleWav24BitStereo() {
        short[] a = sine(48000, 0.5, 440, 8000), b = sine(48000, 0.5, 440, 8000);
        Wav.Decoded d = decoder.decode(wav(1, 2, 48000, 24, interleave(new short[][] {a, b}, 24, false), true));
        assertThat(samples(d)).containsExactly(a);
    }

    @Test
    void extensibleFloatWav() {
        short[] a = sine(22050, 0.5, 440, 8000);
        assertThat(samples(decoder.decode(wav(3, 1, 22050, 32, interleave(new short[][] {a}, 32, true), true)))).containsExactly(a);
    }

    @Test
    void muLawAndALawWavs() {
        byte[] pcm = Tone.sine(8000, 1.0);
        Wav.Decoded u = decoder.decode(wav(7, 1, 8000, 8, G711.ulaw(pcm), false));
        Wav.Decoded a = decoder.decode(wav(6, 1, 8000, 8, G711.alaw(pcm), false));
        for (Wav.Decoded d : List.of(u, a)) {
            assertTone(d, 1.0, 0.001);
            short[] s = samples(d), orig = Pcm.toSamples(pcm, 0, pcm.length);
            for (int i = 0; i < s.length; i++) assertThat(Math.abs(s[i] - orig[i])).isLessThanOrEqualTo(Math.abs(orig[i]) / 16 + 16);
        }
    }

    @Test
    void aLawDecodesKnownCodes() {
        assertThat(WavFileDecoder.alawDecode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(WavFileDecoder.alawDecode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(WavFileDecoder.alawDecode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(WavFileDecoder.alawDecode((byte) 0x2A)).isEqualTo((short) -32256);
    }

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

    @Test
    void ffmpegDecodesOtherContainers() throws Exception {
        Optional<Path> ffmpeg = UploadDecoder.findOnPath("ffmpeg");
        Assumptions.assumeTrue(ffmpeg.isPresent(), "ffmpeg is not installed");
        Path dir = Files.createTempDirectory("timbre-ffmpeg-test");
        try {
            Path wavFile = dir.resolve("in.wav"), m4a = dir.resolve("out.m4a");
            Files.write(wavFile, AudioEncoder.encodeAll(Tone.sine(24000, 1.0), 24000, OutputFormat.parse("wav_24000").orElseThrow()));
            Process p = new ProcessBuilder(ffmpeg.get().toString(), "-nostdin", "-loglevel", "error", "-i", wavFile.toString(),
                    "-c:a", "aac", m4a.toString()).inheritIO().start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Assumptions.assumeTrue(p.exitValue() == 0 && Files.exists(m4a), "this ffmpeg cannot encode AAC");
            byte[] file = Files.readAllBytes(m4a);
            UploadDecoder withFfmpeg = new UploadDecoder(1 << 24, 600, ffmpeg);
            Wav.Decoded d = withFfmpeg.decode(file);
            assertThat(d.format().sampleRate()).isEqualTo(16000);
            assertTone(d, 1.0, 0.1);
            assertKind(() -> new UploadDecoder(1 << 24, 0.5, ffmpeg).decode(file), Kind.TOO_LONG);
            assertKind(() -> withFfmpeg.decode(Arrays.copyOf(file, 64)), Kind.CORRUPT);
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The subprocess path with a stand-in "ffmpeg" script: it skips a 44-byte header and passes the PCM through. */
    @Test
    void ffmpegSubprocessWithAStandIn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path dir = Files.createTempDirectory("timbre-fake-ffmpeg");
        try {
            Path ok = script(dir, "ok", "while [ \"$1\" != -i ]; do shift; done; tail -c +45 \"$2\"");
            Path fail = script(dir, "fail", "echo 'Invalid data found when processing input' >&2; exit 1");
            byte[] pcm = Tone.sine(16000, 1.0);
            byte[] upload = concat(concat(new byte[] {0, 0, 0, 0x20}, "ftypM4A ".getBytes()), concat(new byte[32], pcm));
            Wav.Decoded d = new UploadDecoder(1 << 24, 600, Optional.of(ok)).decode(upload);
            assertThat(d.pcm()).isEqualTo(pcm);
            assertThat(d.format().sampleRate()).isEqualTo(16000);
            assertThat(new UploadDecoder(1 << 24, 600, Optional.of(ok)).decodeChannels(upload)).hasSize(1);
            assertKind(() -> new UploadDecoder(1 << 24, 0.5, Optional.of(ok)).decode(upload), Kind.TOO_LONG);
            Throwable t = catchThrowable(() -> new UploadDecoder(1 << 24, 600, Optional.of(fail)).decode(upload));
            assertThat(t).isInstanceOf(AudioFormatException.class).hasMessageContaining("Invalid data found");
            assertThat(((AudioFormatException) t).kind()).isEqualTo(Kind.CORRUPT);
            assertKind(() -> new UploadDecoder(1 << 24, 600, Optional.of(dir.resolve("missing"))).decode(upload), Kind.UNSUPPORTED);
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        assertThat(p.toFile().setExecutable(true)).isTrue();
        return p;
    }

    private static List<byte[]> validFiles() {
        return List.of(
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("wav_16000").orElseThrow()),
                wav(1, 2, 8000, 24, interleave(new short[][] {sine(8000, 0.5, 440, 8000), sine(8000, 0.5, 440, 8000)}, 24, false), true),
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("mp3_22050_32").orElseThrow()),
                AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("opus_48000_32").orElseThrow()),
                FlacWriter.write(new short[][] {sine(16000, 0.5, 440, 8000), sine(16000, 0.5, 220, 8000)}, 16000, 1024));
    }

    private static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(AudioFormatException.class);
        assertThat(((AudioFormatException) t).kind()).as(t.getMessage()).isEqualTo(kind);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
