package dev.timbre.audio;

import java.io.ByteArrayOutputStream;
import java.util.function.UnaryOperator;

/**
 * Encodes a stream of s16le mono PCM into an {@link OutputFormat}, resampling as needed. Feed chunks in order with
 * {@link #encode}, then call {@link #finish} once. Each call returns the encoded bytes that are ready, so a streaming
 * response can send them at once; concatenated, they are the complete file. Resampling is stateful ({@link Resampler}),
 * so how the input is cut into chunks does not change the audio. Not thread-safe: one encoder per stream.
 */
public abstract class AudioEncoder {
    protected final int inputRate;
    protected final OutputFormat format;
    private final Resampler resampler;

    protected AudioEncoder(int inputRate, OutputFormat format) {
        this.inputRate = inputRate;
        this.format = format;
        this.resampler = new Resampler(inputRate, format.sampleRate());
    }

    /** Creates an encoder; throws IllegalArgumentException for a format it cannot produce. */
    public static AudioEncoder create(int inputRate, OutputFormat format) {
        return switch (format.codec()) {
            case PCM -> new Raw(inputRate, format, pcm -> pcm);
            case ULAW -> new Raw(inputRate, format, G711::ulaw);
            case ALAW -> new Raw(inputRate, format, G711::alaw);
            case MP3 -> new Mp3Encoder(inputRate, format);
            case WAV -> new WavFile(inputRate, format);
            case OPUS -> new OggOpusEncoder(inputRate, format);
        };
    }

    public byte[] encode(byte[] pcm) { return encode(pcm, 0, pcm.length); }

    /** Feeds PCM at the input rate; returns the output bytes completed so far (possibly none). */
    public abstract byte[] encode(byte[] pcm, int off, int len);

    /** Flushes everything still buffered and returns the last bytes of the file; call once, after the last encode. */
    public abstract byte[] finish();

    /** Encodes a whole clip in one call. */
    public static byte[] encodeAll(byte[] pcm, int inputRate, OutputFormat format) {
        AudioEncoder e = create(inputRate, format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(e.encode(pcm, 0, pcm.length));
        out.writeBytes(e.finish());
        return out.toByteArray();
    }

    /** The input converted to the output rate so far; continuous across calls. */
    protected byte[] resample(byte[] pcm, int off, int len) { return resampler.resample(pcm, off, len); }

    /** The resampler's tail, to be encoded before the codec's own flush. */
    protected byte[] resampleRest() { return resampler.finish(); }

    private static final class Raw extends AudioEncoder {
        private final UnaryOperator<byte[]> codec;

        Raw(int inputRate, OutputFormat format, UnaryOperator<byte[]> codec) {
            super(inputRate, format);
            this.codec = codec;
        }

        @Override public byte[] encode(byte[] pcm, int off, int len) { return codec.apply(resample(pcm, off, len)); }

        @Override public byte[] finish() { return codec.apply(resampleRest()); }
    }

    /** WAV needs the total length up front, so it buffers and writes everything at {@link #finish}. */
    private static final class WavFile extends AudioEncoder {
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

        WavFile(int inputRate, OutputFormat format) { super(inputRate, format); }

        @Override public byte[] encode(byte[] b, int off, int len) {
            pcm.writeBytes(resample(b, off, len));
            return new byte[0];
        }

        @Override public byte[] finish() {
            pcm.writeBytes(resampleRest());
            return Wav.wrap(pcm.toByteArray(), new PcmFormat(format.sampleRate()));
        }
    }
}
