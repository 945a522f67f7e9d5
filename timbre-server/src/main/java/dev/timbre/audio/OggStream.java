package dev.timbre.audio;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One logical Ogg bitstream (RFC 3533) built page by page. Packets are queued with {@link #add} and leave as a page
 * when {@link #flush} is called, so the caller decides page boundaries (and thus latency). The first page written
 * carries the beginning-of-stream flag, the one written by {@link #flush} with {@code last} the end-of-stream flag.
 * Packets never span pages here: a page is flushed early if the next packet would overflow its 255 lacing values.
 * Not thread-safe.
 */
public final class OggStream {
    private static final int[] CRC_TABLE = crcTable();

    private final int serial;
    private final List<byte[]> packets = new ArrayList<>();
    private int lacingValues;
    private int sequence;
    private long granule;
    private boolean ended;

    public OggStream(int serial) { this.serial = serial; }

    /** Number of packets queued for the next page. */
    public int queued() { return packets.size(); }

    /**
     * Queues a packet that ends at {@code granulePosition} (codec-defined, e.g. 48 kHz samples for Opus); returns the
     * bytes of a page flushed to make room, usually none.
     */
    public byte[] add(byte[] packet, long granulePosition) {
        if (ended) throw new IllegalStateException("stream already ended");
        int lacing = packet.length / 255 + 1;
        if (lacing > 255) throw new IllegalArgumentException("packet too large for one page: " + packet.length + " bytes");
        byte[] flushed = lacingValues + lacing > 255 ? flush(false) : new byte[0];
        packets.add(packet);
        lacingValues += lacing;
        granule = granulePosition;
        return flushed;
    }

    /** Writes the queued packets as one page (empty bytes if none are queued, unless {@code last}). */
    public byte[] flush(boolean last) {
        if (ended) throw new IllegalStateException("stream already ended");
        if (packets.isEmpty() && !last) return new byte[0];
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(new byte[] {'O', 'g', 'g', 'S', 0});
        int flags = (sequence == 0 ? 0x02 : 0) | (last ? 0x04 : 0);
        page.write(flags);
        writeLe(page, granule, 8);
        writeLe(page, serial, 4);
        writeLe(page, sequence++, 4);
        writeLe(page, 0, 4); // CRC, filled in below
        page.write(lacingValues);
        for (byte[] p : packets) {
            for (int n = p.length; n >= 255; n -= 255) page.write(255);
            page.write(p.length % 255);
        }
        for (byte[] p : packets) page.writeBytes(p);
        byte[] bytes = page.toByteArray();
        int crc = crc(bytes, 0, bytes.length);
        for (int i = 0; i < 4; i++) bytes[22 + i] = (byte) (crc >>> (8 * i));
        packets.clear();
        lacingValues = 0;
        ended = last;
        return bytes;
    }

    /** The Ogg checksum: CRC-32, polynomial 0x04C11DB7, initial value 0, unreflected, no final xor. */
    public static int crc(byte[] data, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ data[i]) & 0xff];
        return crc;
    }

    private static int[] crcTable() {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int b = 0; b < 8; b++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            t[i] = r;
        }
        return t;
    }

    private static void writeLe(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) out.write((int) (value >>> (8 * i)) & 0xff);
    }
}
