package dev.timbre.audio;

import dev.timbre.audio.AudioFormatException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an uploaded audio file (speech to text, forced alignment) to s16le PCM, recognising the container from its
 * bytes ({@link AudioContainer#detect}): WAV, MP3, Ogg Opus and FLAC in process ({@link WavFileDecoder},
 * {@link Mp3FileDecoder}, {@link OggOpusFileDecoder}, {@link FlacFileDecoder}); anything else through
 * {@link FfmpegDecoder} when ffmpeg is on the PATH, else {@link Kind#UNSUPPORTED}. Every failure is an
 * {@link AudioFormatException}. Each decode runs under {@link DecodeLimits} (byte budget, duration, deadline) in a
 * {@link DecodeSlots} slot (shared server-wide unless a test builds its own). Thread-safe: holds only its limits.
 */
public final class UploadDecoder {
    /** 1 GiB, the size ElevenLabs accepts for a speech-to-text upload. */
    public static final long DEFAULT_MAX_BYTES = DecodeLimits.DEFAULT_MAX_INPUT_BYTES;
    /** 4.5 hours. */
    public static final double DEFAULT_MAX_SECONDS = DecodeLimits.DEFAULT_MAX_SECONDS;

    private final DecodeLimits limits;
    private final DecodeSlots slots;
    private final FfmpegDecoder ffmpeg;

    /** The configured limits ({@link DecodeLimits#CONFIGURED}); uses ffmpeg if it is on the PATH. */
    public UploadDecoder() { this(DecodeLimits.CONFIGURED, DecodeSlots.SHARED, findOnPath("ffmpeg")); }

    /** The configured limits with another input size and duration, in the shared slots. */
    public UploadDecoder(long maxInputBytes, double maxSeconds, Optional<Path> ffmpeg) {
        this(DecodeLimits.CONFIGURED.withMaxInputBytes(maxInputBytes).withMaxSeconds(maxSeconds), DecodeSlots.SHARED, ffmpeg);
    }

    /** Own limits and its own bound on concurrent decodes ({@code limits.concurrency()}, {@code limits.queueWait()}). */
    public UploadDecoder(DecodeLimits limits, Optional<Path> ffmpeg) {
        this(limits, new DecodeSlots(limits.concurrency(), limits.queueWait()), ffmpeg);
    }

    private UploadDecoder(DecodeLimits limits, DecodeSlots slots, Optional<Path> ffmpeg) {
        this.limits = limits;
        this.slots = slots;
        this.ffmpeg = new FfmpegDecoder(ffmpeg);
    }

    public Optional<Path> ffmpeg() { return ffmpeg.executable(); }

    /** Decodes and mixes all channels down to one (as it decodes), at the file's own sample rate. */
    public Wav.Decoded decode(byte[] data) { return decode(data, Integer.MAX_VALUE); }

    /**
     * Decodes and mixes all channels down to one, resampled as it decodes to {@code maxRate} Hz when the file's rate
     * is higher (kept otherwise): memory follows the target, not the source.
     */
    public Wav.Decoded decode(byte[] data, int maxRate) {
        return decodeAll(data, new DecodedChannels.Target(true, maxRate)).get(0);
    }

    /** Decodes to one mono PCM per channel (for {@code use_multi_channel}), at the file's own sample rate. */
    public List<Wav.Decoded> decodeChannels(byte[] data) { return decodeChannels(data, Integer.MAX_VALUE); }

    /** One mono PCM per channel, each resampled as it decodes to {@code maxRate} Hz when the file's rate is higher. */
    public List<Wav.Decoded> decodeChannels(byte[] data, int maxRate) {
        return decodeAll(data, new DecodedChannels.Target(false, maxRate));
    }

    /** ElevenLabs {@code file_format=pcm_s16le_16}: 16 kHz mono s16le with no header; a trailing odd byte is dropped. */
    public Wav.Decoded decodeRawPcm16k(byte[] data) {
        checkSize(data);
        int len = data.length & ~1;
        if (len == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        DecodeLimit.start(limits).check(len / 2, 16000, 1);
        return new Wav.Decoded(new PcmFormat(16000), data.length == len ? data : Arrays.copyOf(data, len));
    }

    /** Decodes and resamples to 16 kHz mono, the rate speech recognisers expect. */
    public Wav.Decoded decode16k(byte[] data) { return to16k(decode(data, 16000)); }

    /** Resamples decoded audio to 16 kHz (unchanged when it already is). */
    public static Wav.Decoded to16k(Wav.Decoded d) { return resample(d, 16000); }

    public static Wav.Decoded resample(Wav.Decoded d, int rate) {
        if (d.format().sampleRate() == rate) return d;
        return new Wav.Decoded(new PcmFormat(rate), Pcm.resample(d.pcm(), d.format().sampleRate(), rate));
    }

    private List<Wav.Decoded> decodeAll(byte[] data, DecodedChannels.Target target) {
        if (data == null || data.length == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        checkSize(data);
        AudioContainer c = AudioContainer.detect(data);
        return slots.run(() -> decodeIn(data, c, target));
    }

    /** Decodes {@code data} as container {@code c} in the calling thread (no slot): the decode the fuzz tests drive. */
    List<Wav.Decoded> decodeIn(byte[] data, AudioContainer c, DecodedChannels.Target target) {
        DecodeLimit limit = DecodeLimit.start(limits); // the deadline counts from the slot, not the wait for it
        return AudioFormatException.fromCodec("cannot decode " + c.displayName(), () -> (switch (c) {
            case WAV -> WavFileDecoder.decode(data, limit, target);
            case MP3 -> Mp3FileDecoder.decode(data, limit, target);
            case OGG_OPUS -> OggOpusFileDecoder.decode(data, limit, target);
            case FLAC -> FlacFileDecoder.decode(data, limit, target);
            case OGG_OTHER, MP4, MATROSKA, OTHER -> ffmpeg.decode(data, c, limit, target);
        }).finish());
    }

    private void checkSize(byte[] data) {
        if (data.length > limits.maxInputBytes()) {
            throw new AudioFormatException(Kind.TOO_LARGE, "audio file is " + data.length + " bytes; the limit is " + limits.maxInputBytes());
        }
    }

    /** The executable {@code name} in a PATH directory, if any. */
    public static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
