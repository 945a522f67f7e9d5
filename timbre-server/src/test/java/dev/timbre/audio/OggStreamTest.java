package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OggStreamTest {
    @Test
    void crc_is_the_unreflected_0x04C11DB7_crc_with_zero_init() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-32/CKSUM's check value is 0x765E7680 with a final xor of all ones; Ogg has no final xor.
        assertThat(OggStream.crc(check, 0, check.length)).isEqualTo(~0x765E7680);
        assertThat(OggStream.crc(check, 0, check.length)).isEqualTo(OggPages.crc(check));
    }

    @Test
    void pages_carry_lacing_flags_and_sequence() {
        OggStream ogg = new OggStream(42);
        ogg.add(new byte[10], 0);
        byte[] first = ogg.flush(false);
        ogg.add(new byte[255], 960);
        ogg.add(new byte[600], 1920);
        byte[] last = ogg.flush(true);
        OggPages pages = OggPages.parse(Pcm.concat(java.util.List.of(first, last)));
        assertThat(pages.pages()).hasSize(2);
        assertThat(pages.pages().get(0).bos()).isTrue();
        assertThat(pages.pages().get(1).eos()).isTrue();
        assertThat(pages.pages().get(1).granule()).isEqualTo(1920);
        assertThat(pages.pages().get(1).sequence()).isEqualTo(1);
        assertThat(pages.pages().get(1).serial()).isEqualTo(42);
        assertThat(pages.packets()).extracting(p -> p.length).containsExactly(10, 255, 600);
        assertThat(pages.pages()).allMatch(OggPages.Page::crcValid);
    }

    @Test
    void a_full_page_is_flushed_before_it_overflows_255_lacing_values() {
        OggStream ogg = new OggStream(1);
        int bytes = 0;
        for (int i = 0; i < 100; i++) bytes += ogg.add(new byte[600], i).length; // 3 lacing values each
        bytes += ogg.flush(true).length;
        assertThat(bytes).isGreaterThan(0);
    }
}
