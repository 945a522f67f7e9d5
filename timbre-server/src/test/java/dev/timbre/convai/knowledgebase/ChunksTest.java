package dev.timbre.convai.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void short_text_is_one_chunk() {
        assertThat(Chunks.split("One.\n\nTwo.")).containsExactly("One.\n\nTwo.");
    }

    @Test
    void packs_paragraphs_splits_long_ones_at_sentences_and_overlaps_a_little() {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            if (p > 0) text.append("\n\n");
            for (int s = 0; s < 8; s++) text.append("Paragraph ").append(p).append(" sentence ").append(s).append(" says something useful. ");
        }
        List<String> chunks = Chunks.split(text.toString().strip());
        assertThat(chunks.size()).isGreaterThanOrEqualTo(4);
        for (String c : chunks) assertThat(c.length()).isLessThanOrEqualTo(Chunks.MAX + Chunks.OVERLAP + 2);
        // every sentence is kept, in reading order
        String joined = String.join(" ", chunks);
        for (int p = 0; p < 10; p++) assertThat(joined).contains("Paragraph " + p + " sentence 7 says something useful.");
        // a chunk after the first starts with the last sentence of the one before
        String previousLast = chunks.get(0).substring(chunks.get(0).lastIndexOf("Paragraph"));
        assertThat(chunks.get(1)).startsWith(previousLast.strip());
        // deterministic
        assertThat(Chunks.split(text.toString().strip())).isEqualTo(chunks);
    }

    @Test
    void a_sentence_longer_than_the_maximum_is_cut_at_a_space() {
        String word = "word ";
        String text = word.repeat(500).strip();
        List<String> chunks = Chunks.split(text);
        assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(Chunks.MAX + Chunks.OVERLAP + 2));
        assertThat(String.join(" ", chunks).replace("\n\n", " ").split(" +")).hasSizeGreaterThanOrEqualTo(500);
    }
}
