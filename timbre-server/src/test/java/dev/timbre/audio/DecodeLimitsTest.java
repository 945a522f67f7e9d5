package dev.timbre.audio;

import static dev.timbre.audio.UploadFixtures.assertKind;
import static dev.timbre.audio.UploadFixtures.concat;
import static dev.timbre.audio.UploadFixtures.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.timbre.audio.AudioFormatException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The decoded-byte budget, the deadline and the bound on concurrent decodes, for every container. */
class DecodeLimitsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private final UploadDecoder decoder = new UploadDecoder(DecodeLimits.defaults(), Optional.empty());

    /** The audit's file: 10 min of 192 kHz 8-channel FLAC in a few kilobytes would decode to 1.8 GB. */
    @Test
    void tenMinutesOf192kHz8ChannelFlacIsRefusedFromItsHeader() {
        long frames = 600L * 192_000;
        byte[] flac = FlacWriter.constant(8, 192_000, frames, frames);
        assertThat(flac.length).isLessThan(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertKind(() -> decoder.decode(flac, 16000), Kind.TOO_LARGE));
    }

    /** Without a declared length the budget stops the decode as frames arrive; what is kept follows the 16 kHz mono target. */
    @Test
    void flacWithoutADeclaredLengthStopsAtTheBudget() {
        byte[] flac = FlacWriter.constant(8, 192_000, 600L * 192_000, 0);
        UploadDecoder small = new UploadDecoder(DecodeLimits.defaults().withMaxDecodedBytes(32L << 20), Optional.empty());
        assertTimeoutPreemptively(QUICKLY, () -> assertKind(() -> small.decode(flac, 16000), Kind.TOO_LARGE));
        // within the budget the same structure decodes, mixed down and resampled as it goes
        byte[] oneSecond = FlacWriter.constant(8, 192_000, 192_000, 0);
        Wav.Decoded d = small.decode(oneSecond, 16000);
        assertThat(d.format().sampleRate()).isEqualTo(16000);
        assertThat(d.pcm().length).isEqualTo(32000);
        short[] s = UploadFixtures.samples(d);
        assertThat((double) s[8000]).isCloseTo(4500, within(20.0)); // the mean of 1000…8000
    }

    @Test
    void wavClaimingHugeSizesIsBoundedByItsBytes() {
        byte[] wav = UploadFixtures.wav(1, 8, 192_000, 16, new byte[64], false);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, 0xFFFFFFF0);
        b.putInt(wav.length - 64 - 4, 0xFFFFFFF0); // data size
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(decoder.decode(wav).pcm()).hasSize(8));
        // a chunk size that would wrap an int walk
        byte[] wrap = concat(concat("RIFF".getBytes(), new byte[] {0, 0, 0, 0}), concat("WAVE".getBytes(), concat("junk".getBytes(), new byte[] {(byte) 0xF8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertKind(() -> decoder.decode(concat(wrap, new byte[100])), Kind.CORRUPT));
    }

    @Test
    void wavOverTheBudgetIsRefusedBeforeDecoding() {
        byte[] wav = UploadFixtures.wav(1, 8, 192_000, 16, new byte[8 * 2 * 192_000], false); // 1 s, 3 MB
        UploadDecoder small = new UploadDecoder(DecodeLimits.defaults().withMaxDecodedBytes(1 << 20), Optional.empty());
        assertKind(() -> small.decode(wav), Kind.TOO_LARGE);
        assertThat(UploadFixtures.seconds(decoder.decode(wav, 16000))).isCloseTo(1.0, within(0.001));
    }

    @Test
    void mp3AndOggOverTheBudget() {
        UploadDecoder small = new UploadDecoder(DecodeLimits.defaults().withMaxDecodedBytes(40_000), Optional.empty());
        byte[] mp3 = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("mp3_22050_32").orElseThrow());
        assertKind(() -> small.decode(mp3), Kind.TOO_LARGE);
        byte[] opus = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        assertKind(() -> small.decode(opus), Kind.TOO_LARGE);
        assertKind(() -> AudioDecoder.mp3(new byte[] {1, 2, 3}), Kind.CORRUPT);
    }

    /** An Ogg Opus whose final granule claims years of audio is refused before any packet is decoded. */
    @Test
    void oggWhoseFinalGranuleClaimsYearsIsRefused() {
        byte[] opus = AudioEncoder.encodeAll(Tone.sine(16000, 0.5), 16000, OutputFormat.parse("opus_48000_32").orElseThrow());
        byte[] lying = opus.clone();
        int last = lastPage(lying);
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putLong(last + 6, 1L << 50);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertKind(() -> decoder.decode(lying), Kind.TOO_LONG));
    }

    @Test
    void aDecodePastItsDeadlineStops() {
        UploadDecoder hasty = new UploadDecoder(DecodeLimits.defaults().withTimeout(Duration.ofNanos(1)), Optional.empty());
        byte[] mp3 = AudioEncoder.encodeAll(Tone.sine(16000, 2.0), 16000, OutputFormat.parse("mp3_22050_32").orElseThrow());
        assertKind(() -> hasty.decode(mp3), Kind.TIMEOUT);
        byte[] flac = FlacWriter.write(new short[][] {sine(16000, 2.0, 440, 8000)}, 16000, 4096);
        assertKind(() -> hasty.decode(flac), Kind.TIMEOUT);
    }

    @Test
    void ffmpegIsKilledAtTheDeadline() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path dir = Files.createTempDirectory("timbre-slow-ffmpeg");
        Path slow = dir.resolve("slow");
        Files.writeString(slow, "#!/bin/sh\nexec sleep 60\n");
        slow.toFile().setExecutable(true);
        try {
            UploadDecoder hasty = new UploadDecoder(DecodeLimits.defaults().withTimeout(Duration.ofMillis(300)), Optional.of(slow));
            byte[] m4a = concat(concat(new byte[] {0, 0, 0, 0x20}, "ftypM4A ".getBytes()), new byte[64]);
            long t0 = System.nanoTime();
            assertKind(() -> hasty.decode(m4a), Kind.TIMEOUT);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(10_000);
        } finally {
            Files.deleteIfExists(slow);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void decodesBeyondTheBoundWaitThenAreRefusedAsBusy() throws Exception {
        DecodeSlots slots = new DecodeSlots(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> slots.run(() -> "second")).isInstanceOfSatisfying(AudioFormatException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BUSY));
        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void limitsFromTheEnvironment() {
        DecodeLimits l = DecodeLimits.fromEnvironment(Map.of("TIMBRE_DECODE_MAX_DECODED_BYTES", "1000000", "TIMBRE_DECODE_TIMEOUT_SECONDS", "2.5",
                "TIMBRE_DECODE_CONCURRENCY", "3", "TIMBRE_DECODE_QUEUE_WAIT_SECONDS", "1", "TIMBRE_DECODE_MAX_SECONDS", "60"));
        assertThat(l.maxDecodedBytes()).isEqualTo(1_000_000);
        assertThat(l.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(l.concurrency()).isEqualTo(3);
        assertThat(l.queueWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(l.maxSeconds()).isEqualTo(60);
        assertThat(DecodeLimits.fromEnvironment(Map.of())).isEqualTo(DecodeLimits.defaults());
        assertThatThrownBy(() -> DecodeLimits.fromEnvironment(Map.of("TIMBRE_DECODE_CONCURRENCY", "many")))
                .hasMessageContaining("TIMBRE_DECODE_CONCURRENCY");
    }

    private static int lastPage(byte[] ogg) {
        int last = -1;
        for (int i = 0; i + 4 <= ogg.length; i++) if (AudioContainer.ascii(ogg, i, "OggS")) last = i;
        return last;
    }
}
