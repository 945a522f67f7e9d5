package dev.timbre.audio;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Ogg Opus uploads (RFC 3533, RFC 7845; mapping family 0) through Concentus. Stateless. */
final class OggOpusFileDecoder {
    private OggOpusFileDecoder() {}

    static DecodedChannels decode(byte[] data, DecodeLimit limit, DecodedChannels.Target target) {
        List<byte[]> packets = new ArrayList<>();
        long lastGranule = -1;
        int serial = 0;
        boolean first = true;
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        int pos = 0;
        // every turn moves pos forward (by a whole page, or to the next capture pattern) or ends the loop; the sums are
        // in long so that no length near 2^31 can wrap them
        while (pos + 27L <= data.length) {
            if (!AudioContainer.ascii(data, pos, "OggS")) {
                int next = AudioContainer.indexOf(data, "OggS", pos + 1);
                if (next < 0) break;
                pos = next; // resynchronise after damage
                continue;
            }
            int segments = data[pos + 26] & 0xff;
            if (pos + 27L + segments > data.length) break;
            int bodyLen = 0;
            for (int i = 0; i < segments; i++) bodyLen += data[pos + 27 + i] & 0xff;
            if (pos + 27L + segments + bodyLen > data.length) break; // truncated last page
            int pageSerial = b.getInt(pos + 14);
            long granule = b.getLong(pos + 6);
            boolean continued = (data[pos + 5] & 1) != 0;
            if (first) {
                serial = pageSerial;
                first = false;
            }
            if (pageSerial == serial) {
                if (!continued) partial.reset();
                boolean orphan = continued && partial.size() == 0 && !packets.isEmpty(); // its start was lost to damage
                int body = pos + 27 + segments;
                boolean completed = false;
                for (int i = 0; i < segments; i++) {
                    int lace = data[pos + 27 + i] & 0xff;
                    partial.write(data, body, lace);
                    body += lace;
                    if (lace < 255) {
                        if (!orphan) packets.add(partial.toByteArray());
                        orphan = false;
                        partial.reset();
                        completed = true;
                    }
                }
                if (completed && granule != -1) lastGranule = granule;
            }
            pos += 27 + segments + bodyLen;
        }
        if (packets.size() < 2) throw AudioFormatException.corrupt("Ogg Opus stream is truncated: no OpusHead/OpusTags");
        byte[] head = packets.get(0);
        if (head.length < 19 || !AudioContainer.ascii(head, 0, "OpusHead")) throw AudioFormatException.corrupt("Ogg stream does not start with OpusHead");
        if ((head[8] & 0xf0) != 0) throw AudioFormatException.unsupported("Ogg Opus version " + (head[8] & 0xff));
        int channels = head[9] & 0xff;
        int preSkip = (head[10] & 0xff) | (head[11] & 0xff) << 8;
        int gainQ8 = (short) ((head[16] & 0xff) | (head[17] & 0xff) << 8);
        int family = head[18] & 0xff;
        if (family != 0 || channels < 1 || channels > 2) {
            throw AudioFormatException.unsupported("Ogg Opus channel mapping family " + family + " with " + channels + " channels");
        }
        double gain = Math.pow(10, gainQ8 / (20.0 * 256));
        OpusDecoder decoder;
        try {
            decoder = new OpusDecoder(48000, channels);
        } catch (OpusException e) {
            throw AudioFormatException.corrupt("cannot start Opus decoder: " + e.getMessage(), e);
        }
        long end = lastGranule >= preSkip ? lastGranule - preSkip : -1; // RFC 7845 §4: the final granule sets the end
        if (end >= 0) limit.check(end, 48000, channels); // the stream's claim, before decoding anything
        DecodedChannels out = new DecodedChannels(48000, channels, limit, target);
        if (end >= 0) out.endAt(end);
        short[] buf = new short[5760 * channels];
        int skip = preSkip;
        for (byte[] packet : packets.subList(2, packets.size())) {
            if (packet.length == 0) continue;
            limit.checkDeadline();
            int n;
            try {
                n = decoder.decode(packet, 0, packet.length, buf, 0, 5760, false);
            } catch (OpusException | RuntimeException | AssertionError e) {
                // Concentus throws AssertionError (its overflow checks, on whatever the JVM's -ea) on crafted packets
                throw AudioFormatException.corrupt("damaged Opus packet: " + e.getMessage(), e);
            }
            int from = Math.min(skip, n);
            skip -= from;
            int frames = n - from;
            if (frames <= 0) continue;
            if (gain != 1) {
                for (int i = from * channels; i < n * channels; i++) buf[i] = (short) Math.max(-32768, Math.min(32767, Math.round(buf[i] * gain)));
            }
            out.append(buf, from, frames);
        }
        if (out.frames() == 0 || end == 0) throw AudioFormatException.corrupt("Ogg Opus stream holds no audio");
        return out;
    }
}
