package dev.timbre.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test-side Ogg reader, written from RFC 3533 independently of {@link OggStream}. */
record OggPages(List<Page> pages) {
    record Page(int flags, long granule, int serial, int sequence, boolean crcValid, List<byte[]> packets, boolean lastPacketContinues) {
        boolean bos() { return (flags & 2) != 0; }
        boolean eos() { return (flags & 4) != 0; }
    }

    static OggPages parse(byte[] data) {
        List<Page> pages = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        while (pos < data.length) {
            if (!new String(data, pos, 4).equals("OggS")) throw new IllegalArgumentException("no capture pattern at " + pos);
            int flags = data[pos + 5];
            long granule = b.getLong(pos + 6);
            int serial = b.getInt(pos + 14), seq = b.getInt(pos + 18), crc = b.getInt(pos + 22);
            int segments = data[pos + 26] & 0xff;
            int bodyLen = 0;
            for (int i = 0; i < segments; i++) bodyLen += data[pos + 27 + i] & 0xff;
            int size = 27 + segments + bodyLen;
            byte[] page = Arrays.copyOfRange(data, pos, pos + size);
            Arrays.fill(page, 22, 26, (byte) 0);
            boolean crcValid = crc(page) == crc;
            List<byte[]> packets = new ArrayList<>();
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            int body = pos + 27 + segments;
            boolean open = false;
            for (int i = 0; i < segments; i++) {
                int lace = data[pos + 27 + i] & 0xff;
                packet.write(data, body, lace);
                body += lace;
                open = lace == 255;
                if (!open) {
                    packets.add(packet.toByteArray());
                    packet.reset();
                }
            }
            pages.add(new Page(flags, granule, serial, seq, crcValid, packets, open));
            pos += size;
        }
        return new OggPages(pages);
    }

    List<byte[]> packets() {
        List<byte[]> all = new ArrayList<>();
        for (Page p : pages) all.addAll(p.packets());
        return all;
    }

    /** Bit-by-bit CRC-32 (poly 0x04C11DB7, init 0, no reflection, no final xor). */
    static int crc(byte[] data) {
        int crc = 0;
        for (byte v : data) {
            crc ^= (v & 0xff) << 24;
            for (int i = 0; i < 8; i++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }
}
