package dev.timbre.convai.knowledgebase.rag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.TextEmbedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
    static final int DIMS = 37;

    static float[] unit(Random r) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) v[i] = (float) r.nextGaussian();
        return TextEmbedding.normalise(v);
    }

    @Test
    void searchEqualsBruteForceAndKeepsToTheDocumentsAsked() {
        Random r = new Random(1);
        VectorIndex index = new VectorIndex();
        List<float[]> all = new ArrayList<>();
        List<String> owner = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            int n = 20 + d;
            float[] matrix = new float[n * DIMS];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] v = unit(r);
                System.arraycopy(v, 0, matrix, i * DIMS, DIMS);
                ids.add("d" + d + "_" + i);
                all.add(v);
                owner.add("d" + d);
            }
            index.put(new VectorIndex.Document("d" + d, ids, ids, matrix, DIMS));
        }
        assertThat(index.size()).isEqualTo(20 + 21 + 22 + 23 + 24);
        float[] q = unit(r);
        List<String> asked = List.of("d1", "d3", "missing");
        List<VectorIndex.Hit> hits = index.search(q, asked, 7);
        List<Integer> expected = IntStream.range(0, all.size()).filter(i -> asked.contains(owner.get(i))).boxed()
                .sorted(Comparator.comparingDouble(i -> -dot(all.get(i), q))).limit(7).toList();
        assertThat(hits).extracting(VectorIndex.Hit::documentId).allMatch(d -> d.equals("d1") || d.equals("d3"));
        assertThat(hits).hasSize(7);
        for (int i = 0; i < 7; i++) assertThat(hits.get(i).distance()).isCloseTo(1 - dot(all.get(expected.get(i)), q), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(hits.get(0).distance()).isLessThanOrEqualTo(hits.get(6).distance());

        index.remove("d1");
        assertThat(index.search(q, asked, 100)).extracting(VectorIndex.Hit::documentId).containsOnly("d3");
        assertThat(index.search(q, asked, 0)).isEmpty();
    }

    @Test
    void storedVectorsRoundTrip() {
        float[] v = unit(new Random(2));
        float[] back = new float[DIMS + 3];
        assertThat(Vectors.decode(Vectors.encode(v), back, 3, DIMS)).isTrue();
        for (int i = 0; i < DIMS; i++) assertThat(back[3 + i]).isEqualTo(v[i]);
        assertThat(Vectors.decode(new byte[5], back, 0, DIMS)).isFalse();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void hybridSearchBringsInAChunkOnlyItsRareWordFinds() {
        Random r = new Random(3);
        float[] q = unit(r);
        VectorIndex index = new VectorIndex();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        float[] matrix = new float[30 * DIMS];
        for (int i = 0; i < 30; i++) {
            ids.add("c" + i);
            // c0 holds the query's rare word but its vector points away from the query; the others are near it
            texts.add(i == 0 ? "The frobnicator resets the widget twice." : "Some ordinary text about widgets number " + i + ".");
            float[] v = i == 0 ? neg(q) : TextEmbedding.normalise(mix(q, unit(r)));
            System.arraycopy(v, 0, matrix, i * DIMS, DIMS);
        }
        index.put(new VectorIndex.Document("d", ids, texts, matrix, DIMS));

        assertThat(index.search(q, List.of("d"), 5)).extracting(VectorIndex.Hit::chunkId).doesNotContain("c0");
        List<VectorIndex.Hit> hybrid = index.hybridSearch(q, "what does the frobnicator do", List.of("d"), 5);
        assertThat(hybrid).hasSize(5);
        assertThat(hybrid).extracting(VectorIndex.Hit::chunkId).contains("c0");
        VectorIndex.Hit rare = hybrid.stream().filter(h -> h.chunkId().equals("c0")).findFirst().orElseThrow();
        assertThat(rare.byKeywords()).isTrue();
        assertThat(rare.distance()).isGreaterThan(1.9); // its real vector distance is reported
        assertThat(hybrid.stream().filter(h -> !h.chunkId().equals("c0"))).allMatch(h -> !h.byKeywords());
        // words the chunks don't have: the vector ranking alone
        assertThat(index.hybridSearch(q, "zzz qqq", List.of("d"), 5)).extracting(VectorIndex.Hit::chunkId)
                .containsExactlyElementsOf(index.search(q, List.of("d"), 5).stream().map(VectorIndex.Hit::chunkId).toList());
    }

    static float[] neg(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = -v[i];
        return out;
    }

    static float[] mix(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = 2 * a[i] + b[i];
        return out;
    }
}
