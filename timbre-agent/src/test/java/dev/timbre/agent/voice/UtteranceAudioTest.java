package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Audio and alignment stay together across engine chunk and wire piece borders. */
class UtteranceAudioTest {
    @ParameterizedTest
    @CsvSource({"22050, pcm_16000", "22050, pcm_44100", "44100, ulaw_8000", "24000, pcm_24000"})
    void everyCharacterLandsInThePieceThatPlaysItAtItsOwnTime(int engineRate, String output) {
        var audio = new UtteranceAudio(AudioEncoding.parse(output));
        int[] chunkMs = {37, 113, 9, 250, 61, 100, 3, 171};
        int charEveryMs = 23;
        List<UtteranceAudio.Piece> pieces = new ArrayList<>();
        long chunkStartSamples = 0;
        int nextChar = 0;
        List<Long> expectedMs = new ArrayList<>();
        for (int ms : chunkMs) {
            int samples = engineRate * ms / 1000;
            double startMs = chunkStartSamples * 1000.0 / engineRate;
            double endMs = (chunkStartSamples + samples) * 1000.0 / engineRate;
            List<String> cs = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<Integer> durations = new ArrayList<>();
            while (nextChar * charEveryMs < endMs) {
                long at = (long) nextChar * charEveryMs;
                cs.add(String.valueOf((char) ('a' + nextChar % 26)));
                starts.add((int) Math.max(0, at - Math.round(startMs)));
                durations.add(charEveryMs);
                expectedMs.add(Math.max(at, Math.round(startMs)));
                nextChar++;
            }
            pieces.addAll(audio.add(new PcmFormat(engineRate), new byte[samples * 2], new SpokenChars(cs, starts, durations)));
            chunkStartSamples += samples;
        }
        pieces.addAll(audio.finish());

        long pieceStart = 0;
        List<Long> actualMs = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            UtteranceAudio.Piece p = pieces.get(i);
            assertThat(p.durationMs()).isLessThanOrEqualTo(UtteranceAudio.PIECE_MS);
            for (int start : p.alignment().startMs()) {
                if (i < pieces.size() - 1) assertThat(start).isBetween(0, p.durationMs() - 1);
                actualMs.add(pieceStart + start);
            }
            pieceStart += p.durationMs();
        }
        assertThat(actualMs).hasSameSizeAs(expectedMs);
        for (int k = 0; k < expectedMs.size(); k++) assertThat(actualMs.get(k)).isCloseTo(expectedMs.get(k), org.assertj.core.data.Offset.offset(2L));
        long totalMs = chunkStartSamples * 1000 / engineRate;
        assertThat(pieceStart).isCloseTo(totalMs, org.assertj.core.data.Offset.offset(2L));
    }
}
