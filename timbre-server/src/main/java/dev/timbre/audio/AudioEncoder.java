package dev.timbre.audio;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.ByteArrayOutputStream;

/**
 * Encodes a stream of s16le mono PCM into an {@link OutputFormat}, resampling as needed. Feed chunks in order with
 * {@link #encode}, then call {@link #finish} once. Not thread-safe: one encoder per stream.
 */
public abstract class AudioEncoder {
    protected final int inputRate;
    protected final OutputFormat format;

    protected AudioEncoder(int inputRate, OutputFormat format) {
        this.inputRate = inputRate;
        this.format = format;
    }

    /** Creates an encoder; throws IllegalArgumentException for a format it cannot produce. */
    public static AudioEncoder create(int inputRate, OutputFormat format) {
        return switch (format.codec()) {
            case PCM -> new Raw(inputRate, format, pcm -> pcm);
            case ULAW -> new Raw(inputRate, format, G711::ulaw);
            case ALAW -> new Raw(inputRate, format, G711::alaw);
            case MP3 -> new Mp3(inputRate, format);
            case WAV -> new WavFile(inputRate, format);
            case OPUS -> throw new IllegalArgumentException("output format " + format.id() + " is not supported yet");
        };
    }

    public abstract byte[] encode(byte[] pcm, int off, int len);

    public abstract byte[] finish();

    /** Encodes a whole clip in one call. */
    public static byte[] encodeAll(byte[] pcm, int inputRate, OutputFormat format) {
        AudioEncoder e = create(inputRate, format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(e.encode(pcm, 0, pcm.length));
        out.writeBytes(e.finish());
        return out.toByteArray();
    }

    protected byte[] resample(byte[] pcm, int off, int len) {
        byte[] chunk = off == 0 && len == pcm.length ? pcm : java.util.Arrays.copyOfRange(pcm, off, off + len);
        return Pcm.resample(chunk, inputRate, format.sampleRate());
    }

    private static final class Raw extends AudioEncoder {
        private final java.util.function.UnaryOperator<byte[]> codec;

        Raw(int inputRate, OutputFormat format, java.util.function.UnaryOperator<byte[]> codec) {
            super(inputRate, format);
            this.codec = codec;
        }

        @Override public byte[] encode(byte[] pcm, int off, int len) { return codec.apply(resample(pcm, off, len)); }

        @Override public byte[] finish() { return new byte[0]; }
    }

    /** WAV needs the total length up front, so it buffers and writes everything at {@link #finish}. */
    private static final class WavFile extends AudioEncoder {
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();

        WavFile(int inputRate, OutputFormat format) { super(inputRate, format); }

        @Override public byte[] encode(byte[] b, int off, int len) {
            pcm.writeBytes(resample(b, off, len));
            return new byte[0];
        }

        @Override public byte[] finish() { return Wav.wrap(pcm.toByteArray(), new PcmFormat(format.sampleRate())); }
    }

    private static final class Mp3 extends AudioEncoder {
        private final LameEncoder lame;
        private final byte[] buffer;

        Mp3(int inputRate, OutputFormat format) {
            super(inputRate, format);
            javax.sound.sampled.AudioFormat source = new javax.sound.sampled.AudioFormat(format.sampleRate(), 16, 1, true, false);
            // The target format pins the output rate: LAME would otherwise downsample low bitrates (44.1 kHz at 32 kbps).
            var encoding = format.sampleRate() >= 32000 ? LameEncoder.MPEG1L3 : LameEncoder.MPEG2L3;
            var target = new javax.sound.sampled.AudioFormat(encoding, format.sampleRate(), javax.sound.sampled.AudioSystem.NOT_SPECIFIED,
                    1, javax.sound.sampled.AudioSystem.NOT_SPECIFIED, javax.sound.sampled.AudioSystem.NOT_SPECIFIED, false,
                    java.util.Map.of(LameEncoder.P_BITRATE, format.bitrateKbps(), LameEncoder.P_CHMODE, "mono",
                            LameEncoder.P_QUALITY, "middle", LameEncoder.P_VBR, false));
            lame = new LameEncoder(source, target);
            buffer = new byte[lame.getMP3BufferSize()];
        }

        @Override public byte[] encode(byte[] b, int off, int len) {
            byte[] pcm = resample(b, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int step = lame.getPCMBufferSize();
            for (int i = 0; i < pcm.length; i += step) {
                int n = lame.encodeBuffer(pcm, i, Math.min(step, pcm.length - i), buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        @Override public byte[] finish() {
            int n = lame.encodeFinish(buffer);
            lame.close();
            return java.util.Arrays.copyOf(buffer, n);
        }
    }
}
