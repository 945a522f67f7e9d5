package dev.timbre.audio;

import java.io.ByteArrayOutputStream;

/** Minimal FLAC writer for tests: STREAMINFO plus frames of verbatim 16-bit subframes, with real CRCs. */
final class FlacWriter {
    private FlacWriter() {}

    /** {@code channels[c][i]}: sample i of channel c. */
    static byte[] write(short[][] channels, int rate, int blockSize) {
        int ch = channels.length, total = channels[0].length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("fLaC".getBytes());
        out.write(0x80); // last metadata block, type 0 STREAMINFO
        out.write(0);
        out.write(0);
        out.write(34);
        Bits si = new Bits();
        si.put(blockSize, 16).put(blockSize, 16).put(0, 24).put(0, 24);
        si.put(rate, 20).put(ch - 1, 3).put(15, 5).putLong(total, 36);
        for (int i = 0; i < 16; i++) si.put(0, 8); // MD5 unknown
        out.writeBytes(si.bytes());
        int frame = 0;
        for (int start = 0; start < total; start += blockSize, frame++) {
            int n = Math.min(blockSize, total - start);
            Bits f = new Bits();
            f.put(0b11111111111110, 14).put(0, 1).put(0, 1);
            f.put(7, 4).put(0, 4); // block size: 16-bit at end of header; rate from STREAMINFO
            f.put(ch - 1, 4).put(4, 3).put(0, 1); // independent channels, 16 bits per sample
            utf8(f, frame);
            f.put(n - 1, 16);
            f.put(crc8(f.bytes()), 8);
            for (int c = 0; c < ch; c++) {
                f.put(0, 1).put(1, 6).put(0, 1); // verbatim, no wasted bits
                for (int i = 0; i < n; i++) f.put(channels[c][start + i] & 0xffff, 16);
            }
            byte[] body = f.bytes();
            out.writeBytes(body);
            int crc = crc16(body);
            out.write(crc >> 8);
            out.write(crc);
        }
        return out.toByteArray();
    }

    /**
     * A FLAC of {@code frames} frames of {@code ch} channels made of CONSTANT subframes (a few bytes per block, so
     * minutes of many-channel audio fit in kilobytes); STREAMINFO declares {@code declaredTotal} samples (0: unknown).
     */
    static byte[] constant(int ch, int rate, long frames, long declaredTotal) {
        int blockSize = 65535;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("fLaC".getBytes());
        out.write(0x80);
        out.write(0);
        out.write(0);
        out.write(34);
        Bits si = new Bits();
        si.put(blockSize, 16).put(blockSize, 16).put(0, 24).put(0, 24);
        si.put(rate, 20).put(ch - 1, 3).put(15, 5).putLong(declaredTotal, 36);
        for (int i = 0; i < 16; i++) si.put(0, 8);
        out.writeBytes(si.bytes());
        int frame = 0;
        for (long start = 0; start < frames; start += blockSize, frame++) {
            int n = (int) Math.min(blockSize, frames - start);
            Bits f = new Bits();
            f.put(0b11111111111110, 14).put(0, 1).put(0, 1);
            f.put(7, 4).put(0, 4);
            f.put(ch - 1, 4).put(4, 3).put(0, 1);
            utf8(f, frame);
            f.put(n - 1, 16);
            f.put(crc8(f.bytes()), 8);
            for (int c = 0; c < ch; c++) f.put(0, 1).put(0, 6).put(0, 1).put(1000 * (c + 1), 16); // CONSTANT
            byte[] body = f.bytes();
            out.writeBytes(body);
            int crc = crc16(body);
            out.write(crc >> 8);
            out.write(crc);
        }
        return out.toByteArray();
    }

    private static void utf8(Bits f, int v) {
        if (v < 0x80) f.put(v, 8);
        else if (v < 0x800) f.put(0xC0 | v >> 6, 8).put(0x80 | v & 0x3f, 8);
        else f.put(0xE0 | v >> 12, 8).put(0x80 | (v >> 6) & 0x3f, 8).put(0x80 | v & 0x3f, 8);
    }

    static int crc8(byte[] d) {
        int crc = 0;
        for (byte b : d) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
        }
        return crc;
    }

    static int crc16(byte[] d) {
        int crc = 0;
        for (byte b : d) {
            crc ^= (b & 0xff) << 8;
            for (int i = 0; i < 8; i++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
        }
        return crc;
    }

    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int n;

        Bits put(int v, int bits) { return putLong(v & 0xffffffffL, bits); }

        Bits putLong(long v, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = acc << 1 | (v >> i) & 1;
                if (++n == 8) {
                    out.write((int) acc);
                    acc = 0;
                    n = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (n != 0) throw new IllegalStateException("not byte aligned");
            return out.toByteArray();
        }
    }
}
