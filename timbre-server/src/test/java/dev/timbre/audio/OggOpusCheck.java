package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/** Reads an Ogg Opus file the way a player does (RFC 7845 §4), checking the stream structure on the way. */
public final class OggOpusCheck {
    private OggOpusCheck() {}

    /** Checks the OpusHead page and returns its pre-skip. */
    static int preSkip(OggPages ogg) {
        OggPages.Page first = ogg.pages().get(0);
        assertThat(first.bos()).isTrue();
        assertThat(first.packets()).hasSize(1);
        ByteBuffer head = ByteBuffer.wrap(first.packets().get(0)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(head.capacity()).isEqualTo(19);
        assertThat(new String(head.array(), 0, 8)).isEqualTo("OpusHead");
        assertThat(head.get(8)).as("version").isEqualTo((byte) 1);
        assertThat(head.get(9)).as("channels").isEqualTo((byte) 1);
        assertThat(head.getShort(16)).as("output gain").isZero();
        assertThat(head.get(18)).as("mapping family").isZero();
        return head.getShort(10) & 0xffff;
    }

    /** Parses, checks and decodes a whole Ogg Opus file to 48 kHz mono samples. */
    public static short[] decode(byte[] file) throws OpusException {
        return decode(OggPages.parse(file));
    }

    /** Checks page structure and decodes to 48 kHz PCM, pre-skip dropped and trimmed to the final granule. */
    static short[] decode(OggPages ogg) throws OpusException {
        List<OggPages.Page> pages = ogg.pages();
        int preSkip = preSkip(ogg);
        OggPages.Page tags = pages.get(1);
        assertThat(tags.packets()).hasSize(1);
        assertThat(new String(tags.packets().get(0), 0, 8)).isEqualTo("OpusTags");
        for (int i = 0; i < pages.size(); i++) {
            OggPages.Page p = pages.get(i);
            assertThat(p.sequence()).isEqualTo(i);
            assertThat(p.serial()).isEqualTo(pages.get(0).serial());
            assertThat(p.crcValid()).as("CRC of page " + i).isTrue();
            assertThat(p.bos()).isEqualTo(i == 0);
            assertThat(p.eos()).isEqualTo(i == pages.size() - 1);
            assertThat(p.lastPacketContinues()).isFalse();
            if (i >= 2) assertThat(p.granule()).isGreaterThanOrEqualTo(pages.get(i - 1).granule());
        }
        OpusDecoder decoder = new OpusDecoder(48000, 1);
        List<byte[]> packets = ogg.packets();
        short[] all = new short[packets.size() * 5760];
        int n = 0;
        for (byte[] packet : packets.subList(2, packets.size())) {
            n += decoder.decode(packet, 0, packet.length, all, n, 5760, false);
        }
        long end = pages.get(pages.size() - 1).granule();
        assertThat(end).as("final granule within the decoded length").isBetween((long) n - 960, (long) n);
        return Arrays.copyOfRange(all, preSkip, (int) end);
    }
}
