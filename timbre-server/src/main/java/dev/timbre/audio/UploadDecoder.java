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
 * {@link AudioFormatException}. Thread-safe: holds only its limits.
 */
public final class UploadDecoder {
    /** 1 GiB, the size ElevenLabs accepts for a speech-to-text upload. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /** 4.5 hours. */
    public static final double DEFAULT_MAX_SECONDS = 4.5 * 3600;

    private final long maxBytes;
    private final DecodeLimit limit;
    private final FfmpegDecoder ffmpeg;

    /** Default limits; uses ffmpeg if it is on the PATH. */
    public UploadDecoder() { this(DEFAULT_MAX_BYTES, DEFAULT_MAX_SECONDS); }

    public UploadDecoder(long maxInputBytes, double maxSeconds) { this(maxInputBytes, maxSeconds, findOnPath("ffmpeg")); }

    /** {@code ffmpeg}: the executable to use for other containers, or empty to refuse them. */
    public UploadDecoder(long maxInputBytes, double maxSeconds, Optional<Path> ffmpeg) {
        if (maxInputBytes <= 0 || !(maxSeconds > 0)) throw new IllegalArgumentException("limits must be positive");
        this.maxBytes = maxInputBytes;
        this.limit = new DecodeLimit(maxSeconds);
        this.ffmpeg = new FfmpegDecoder(ffmpeg);
    }

    public Optional<Path> ffmpeg() { return ffmpeg.executable(); }

    /** Decodes and mixes all channels down to one, at the file's own sample rate. */
    public Wav.Decoded decode(byte[] data) {
        return decodeAll(data).mono();
    }

    /** Decodes to one mono PCM per channel (for {@code use_multi_channel}), at the file's own sample rate. */
    public List<Wav.Decoded> decodeChannels(byte[] data) {
        return decodeAll(data).channels();
    }

    /** ElevenLabs {@code file_format=pcm_s16le_16}: 16 kHz mono s16le with no header; a trailing odd byte is dropped. */
    public Wav.Decoded decodeRawPcm16k(byte[] data) {
        checkSize(data);
        int len = data.length & ~1;
        if (len == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        limit.check(len / 2, 16000);
        return new Wav.Decoded(new PcmFormat(16000), data.length == len ? data : Arrays.copyOf(data, len));
    }

    /** Decodes and resamples to 16 kHz mono, the rate speech recognisers expect. */
    public Wav.Decoded decode16k(byte[] data) { return to16k(decode(data)); }

    /** Resamples decoded audio to 16 kHz (unchanged when it already is). */
    public static Wav.Decoded to16k(Wav.Decoded d) { return resample(d, 16000); }

    public static Wav.Decoded resample(Wav.Decoded d, int rate) {
        if (d.format().sampleRate() == rate) return d;
        return new Wav.Decoded(new PcmFormat(rate), Pcm.resample(d.pcm(), d.format().sampleRate(), rate));
    }

    private DecodedChannels decodeAll(byte[] data) {
        if (data == null || data.length == 0) throw new AudioFormatException(Kind.EMPTY, "audio file is empty");
        checkSize(data);
        AudioContainer c = AudioContainer.detect(data);
        try {
            return switch (c) {
                case WAV -> WavFileDecoder.decode(data, limit);
                case MP3 -> Mp3FileDecoder.decode(data, limit);
                case OGG_OPUS -> OggOpusFileDecoder.decode(data, limit);
                case FLAC -> FlacFileDecoder.decode(data, limit);
                case OGG_OTHER, MP4, MATROSKA, OTHER -> ffmpeg.decode(data, c, limit);
            };
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // the codec libraries throw unchecked exceptions on damaged input
            throw new AudioFormatException(Kind.CORRUPT, "cannot decode " + c.displayName() + ": " + e, e);
        }
    }

    private void checkSize(byte[] data) {
        if (data.length > maxBytes) {
            throw new AudioFormatException(Kind.TOO_LARGE, "audio file is " + data.length + " bytes; the limit is " + maxBytes);
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
