package dev.timbre.music.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SongRendererTest {
    static Song song(long seed, boolean vocals) {
        return new Song(List.of("upbeat pop", "piano"), List.of(), List.of(
                new Song.Section("Intro", 3_333, List.of(), List.of(), List.of()),
                new Song.Section("Verse", 4_001, List.of("guitar"), List.of(), List.of("one two three")),
                new Song.Section("Chorus", 5_000, List.of("energetic"), List.of("drums"), List.of())), seed, vocals);
    }

    static byte[] render(Song song, LineVoice voice) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (SongRenderer r = new SongRenderer(song, voice)) {
            long startMs = 0;
            for (Song.Section s : song.sections()) {
                byte[] pcm = r.next();
                assertThat(pcm.length / 2).as(s.name()).isEqualTo(SongRenderer.samplesAt(startMs + s.durationMs()) - SongRenderer.samplesAt(startMs));
                startMs += s.durationMs();
                all.writeBytes(pcm);
            }
            assertThat(r.hasNext()).isFalse();
        }
        return all.toByteArray();
    }

    static double rms(byte[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            int s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    @Test
    void every_section_is_exactly_its_length_and_sounds() throws Exception {
        Song song = song(7, false);
        byte[] pcm = render(song, null);
        assertThat(pcm.length / 2).isEqualTo(SongRenderer.samplesAt(12_334));
        int sec = SongRenderer.SAMPLE_RATE;
        assertThat(rms(pcm, sec, 3 * sec)).isGreaterThan(300);     // the intro plays
        assertThat(rms(pcm, 4 * sec, 7 * sec)).isGreaterThan(300); // the verse
        assertThat(rms(pcm, 8 * sec, 10 * sec)).isGreaterThan(300); // the chorus
        assertThat(rms(pcm, pcm.length / 2 - 200, pcm.length / 2)).isLessThan(rms(pcm, 8 * sec, 10 * sec) / 10); // faded out
    }

    @Test
    void the_same_seed_renders_the_same_samples_and_another_seed_does_not() throws Exception {
        assertThat(render(song(42, false), null)).isEqualTo(render(song(42, false), null));
        assertThat(render(song(43, false), null)).isNotEqualTo(render(song(42, false), null));
    }

    @Test
    void lines_are_mixed_in_when_vocals_are_wanted_and_left_out_otherwise() throws Exception {
        byte[] tone = new byte[SongRenderer.SAMPLE_RATE * 2]; // one second of a loud 440 Hz "voice"
        for (int i = 0; i < tone.length / 2; i++) {
            int v = (int) (12000 * Math.sin(2 * Math.PI * 440 * i / SongRenderer.SAMPLE_RATE));
            tone[2 * i] = (byte) v;
            tone[2 * i + 1] = (byte) (v >> 8);
        }
        int[] spoken = {0};
        byte[] sung = render(song(5, true), line -> { spoken[0]++; return tone; });
        byte[] plain = render(song(5, false), line -> { spoken[0] += 100; return tone; });
        assertThat(spoken[0]).isEqualTo(1);
        int verse = (int) SongRenderer.samplesAt(3_333);
        assertThat(rms(sung, verse, verse + 40_000)).isGreaterThan(rms(plain, verse, verse + 40_000) * 1.2);
    }
}
