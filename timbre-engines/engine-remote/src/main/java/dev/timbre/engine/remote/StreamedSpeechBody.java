package dev.timbre.engine.remote;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a speech server's audio body as it arrives and hands it on: raw 16-bit little-endian mono PCM at a known rate
 * (OpenAI's {@code response_format=pcm}: 24 kHz), or a 16-bit PCM WAV (a streamed one may give its data size as 0 or
 * 0xFFFFFFFF; the size is not trusted, the body is read to its end). Stereo is mixed to mono. Each read is passed on at
 * once (no waiting for a full buffer), whole samples only. Bounded: at most {@code maxBytes} of audio are passed on
 * (the rest is dropped and the body closed) and a WAV header may take at most 64 KiB. Not thread-safe: one per body;
 * the caller closes the stream.
 */
final class StreamedSpeechBody {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int READ_BYTES = 8192;

    private StreamedSpeechBody() {}

    /**
     * Streams {@code body} into {@code sink} ({@code start} first, then {@code audio}); does not call {@code end}.
     *
     * @param rawRate the sample rate of a body that is not a WAV
     * @return the PCM bytes passed on
     */
    static long pipe(InputStream body, int rawRate, long maxBytes, AudioSink sink, AtomicBoolean cancelled, String server)
            throws IOException {
        byte[] head = body.readNBytes(12);
        int channels = 1;
        int rate = rawRate;
        byte[] pending = head;
        if (head.length == 12 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            int[] fmt = readWavHeader(body, server);
            rate = fmt[0];
            channels = fmt[1];
            pending = new byte[0];
        }
        sink.start(new PcmFormat(rate));
        int frame = 2 * channels;
        byte[] buf = new byte[READ_BYTES + 32]; // room for a carried partial frame or the 12 sniffed bytes
        int carried = 0;
        System.arraycopy(pending, 0, buf, 0, pending.length);
        carried = pending.length;
        long passed = 0;
        while (!cancelled.get()) {
            int n = body.read(buf, carried, buf.length - carried);
            if (n < 0) break;
            int have = carried + n;
            int whole = have - have % frame;
            if (whole > 0) {
                byte[] mono = channels == 1 ? buf : mix(buf, whole, channels);
                int len = channels == 1 ? whole : whole / channels;
                int allowed = (int) Math.min(len, maxBytes - passed);
                if (allowed > 0) sink.audio(mono, 0, allowed);
                passed += Math.max(allowed, 0);
                if (passed >= maxBytes) break; // the bound: what is over it is not read
            }
            carried = have - whole;
            System.arraycopy(buf, whole, buf, 0, carried);
        }
        return passed;
    }

    /** Reads WAV chunks up to {@code data}; returns {sample rate, channels}. */
    private static int[] readWavHeader(InputStream in, String server) throws IOException {
        int rate = 0, channels = 0, read = 12;
        while (true) {
            byte[] h = in.readNBytes(8);
            if (h.length < 8) throw new EngineException("speech server " + server + " sent a WAV without audio data", null, false);
            String id = new String(h, 0, 4, StandardCharsets.US_ASCII);
            long size = ByteBuffer.wrap(h, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            read += 8;
            if (id.equals("data")) break;
            if (size > MAX_HEADER_BYTES || (read += (int) size) > MAX_HEADER_BYTES) {
                throw new EngineException("speech server " + server + " sent a WAV header over 64 KiB", null, false);
            }
            byte[] chunk = in.readNBytes((int) (size + (size & 1)));
            if (id.equals("fmt ") && chunk.length >= 16) {
                ByteBuffer f = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
                int format = f.getShort(0) & 0xFFFF;
                channels = f.getShort(2) & 0xFFFF;
                rate = f.getInt(4);
                int bits = f.getShort(14) & 0xFFFF;
                if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || channels > 8 || rate < 4000 || rate > 192_000) {
                    throw new EngineException("speech server " + server + " sent WAV audio Timbre does not read (format " + format
                            + ", " + bits + " bits, " + channels + " channels, " + rate + " Hz); 16-bit PCM is needed", null, false);
                }
            }
        }
        if (rate == 0) throw new EngineException("speech server " + server + " sent a WAV without a fmt chunk", null, false);
        return new int[] {rate, channels};
    }

    /** The first {@code bytes} of interleaved 16-bit {@code pcm} mixed to mono (a new array). */
    private static byte[] mix(byte[] pcm, int bytes, int channels) {
        int frames = bytes / (2 * channels);
        byte[] out = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                sum += (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
            }
            int v = sum / channels;
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
