package dev.timbre.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** WAV uploads: PCM 8/16/24/32-bit, float 32/64-bit, µ-law, A-law, WAVE_FORMAT_EXTENSIBLE. Stateless. */
final class WavFileDecoder {
    private WavFileDecoder() {}

    /** Frames decoded per {@link DecodedChannels#append} call. */
    private static final int BLOCK = 4096;

    static DecodedChannels decode(byte[] wav, DecodeLimit limit, DecodedChannels.Target target) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int channels = 0, rate = 0, bits = 0, tag = -1, align = 0;
        // pos is a long: a chunk size near 2^32 must move past the end, never wrap back onto the same chunk.
        for (long pos = 12; pos + 8 <= wav.length; ) {
            int at = (int) pos;
            int id = b.getInt(at);
            long size = b.getInt(at + 4) & 0xffffffffL;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || pos + 8 + 16 > wav.length) throw AudioFormatException.corrupt("WAV fmt chunk is truncated");
                tag = b.getShort(at + 8) & 0xffff;
                channels = b.getShort(at + 10) & 0xffff;
                rate = b.getInt(at + 12);
                align = b.getShort(at + 20) & 0xffff;
                bits = b.getShort(at + 22) & 0xffff;
                if (tag == 0xFFFE) {
                    if (size < 40 || pos + 8 + 26 > wav.length) throw AudioFormatException.corrupt("WAVE_FORMAT_EXTENSIBLE fmt chunk is truncated");
                    tag = b.getShort(at + 8 + 24) & 0xffff; // first two bytes of the SubFormat GUID
                }
            } else if (id == 0x61746164) { // "data"
                if (tag < 0) throw AudioFormatException.corrupt("WAV data chunk comes before the fmt chunk");
                long avail = wav.length - pos - 8;
                long len = size == 0 || size == 0xffffffffL ? avail : Math.min(size, avail); // streamed WAVs leave it 0/-1
                return samples(wav, at + 8, (int) len, new Format(tag, channels, rate, bits, align), limit, target);
            }
            long next = pos + 8 + size + (size & 1); // at least 8: every step moves forward
            if (next <= pos) throw AudioFormatException.corrupt("WAV chunk walk does not advance");
            pos = next;
        }
        throw AudioFormatException.corrupt(tag < 0 ? "WAV has no fmt chunk" : "WAV has no data chunk");
    }

    private record Format(int tag, int channels, int rate, int bits, int align) {}

    private static DecodedChannels samples(byte[] wav, int off, int len, Format f, DecodeLimit limit, DecodedChannels.Target target) {
        int channels = f.channels(), rate = f.rate(), bits = f.bits(), tag = f.tag();
        if (channels < 1 || channels > 32) throw AudioFormatException.corrupt("WAV has " + channels + " channels");
        if (rate < 1000 || rate > 192_000) throw AudioFormatException.unsupported("WAV sample rate " + rate + " Hz is not supported");
        int bytes;
        switch (tag) {
            case 1 -> {
                if (bits != 8 && bits != 16 && bits != 24 && bits != 32) throw AudioFormatException.unsupported("WAV PCM with " + bits + " bits per sample");
                bytes = bits / 8;
            }
            case 3 -> {
                if (bits != 32 && bits != 64) throw AudioFormatException.unsupported("WAV float with " + bits + " bits per sample");
                bytes = bits / 8;
            }
            case 6, 7 -> bytes = 1;
            default -> throw AudioFormatException.unsupported("WAV format tag 0x" + Integer.toHexString(tag) + " (only PCM, float, µ-law and A-law)");
        }
        int frameBytes = Math.max(f.align(), bytes * channels);
        long frames = len / frameBytes;
        if (frames == 0) throw AudioFormatException.corrupt("WAV data chunk holds no samples");
        limit.check(frames, rate, channels); // before allocating anything
        DecodedChannels out = new DecodedChannels(rate, channels, limit, target);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        short[] block = new short[BLOCK * channels];
        for (long first = 0; first < frames; first += BLOCK) {
            int n = (int) Math.min(BLOCK, frames - first);
            for (int i = 0; i < n; i++) {
                long p0 = off + (first + i) * frameBytes;
                for (int c = 0; c < channels; c++) {
                    int p = (int) (p0 + (long) c * bytes);
                    int v = switch (tag) {
                        case 1 -> switch (bytes) {
                            case 1 -> ((wav[p] & 0xff) - 128) << 8;
                            case 2 -> b.getShort(p);
                            case 3 -> ((wav[p + 2] << 16) | ((wav[p + 1] & 0xff) << 8) | (wav[p] & 0xff)) >> 8;
                            default -> b.getInt(p) >> 16;
                        };
                        case 3 -> floatSample(bytes == 4 ? b.getFloat(p) : b.getDouble(p));
                        case 7 -> G711.ulawDecode(wav[p]);
                        default -> alawDecode(wav[p]);
                    };
                    block[i * channels + c] = (short) v;
                }
            }
            out.append(block, n);
        }
        return out;
    }

    private static int floatSample(double v) {
        if (Double.isNaN(v)) return 0;
        return (int) Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
    }

    /** ITU-T G.711 A-law to linear 16-bit. */
    static short alawDecode(byte code) {
        int a = (code & 0xff) ^ 0x55;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) t += 8;
        else t = (t + 0x108) << (seg - 1);
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
