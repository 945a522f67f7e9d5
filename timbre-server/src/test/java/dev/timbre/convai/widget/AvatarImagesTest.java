package dev.timbre.convai.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvatarImagesTest {
    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void images_are_known_by_their_first_bytes_only() {
        assertThat(AvatarImages.sniff(bytes("\u0089PNG\r\n\u001a\n....IHDR"))).contains(AvatarImages.PNG);
        assertThat(AvatarImages.sniff(bytes("\u00ff\u00d8\u00ff\u00e0..JFIF"))).contains(AvatarImages.JPEG);
        assertThat(AvatarImages.sniff(bytes("GIF87a........"))).contains(AvatarImages.GIF);
        assertThat(AvatarImages.sniff(bytes("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ...."))).contains(AvatarImages.WEBP);
        assertThat(AvatarImages.sniff(bytes("RIFF\u0010\u0000\u0000\u0000WAVEfmt ...."))).isEmpty();
        assertThat(AvatarImages.sniff(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).as("SVG can carry script").isEmpty();
        assertThat(AvatarImages.sniff(bytes("\u0089PNG"))).as("only a signature").isEmpty();
        assertThat(AvatarImages.sniff(new byte[0])).isEmpty();
    }

    @Test
    void stored_file_names_are_a_hash_and_a_known_extension() {
        assertThat(AvatarImages.ofFileName("0123456789abcdef.webp")).contains(AvatarImages.WEBP);
        assertThat(AvatarImages.ofFileName("0123456789abcdef.svg")).isEmpty();
        assertThat(AvatarImages.ofFileName("../0123456789abcdef.png")).isEmpty();
        assertThat(AvatarImages.ofFileName(null)).isEqualTo(Optional.empty());
    }
}
