package dev.timbre.speechtotext;

import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import dev.timbre.speechtotext.TranscriptModels.Character;
import dev.timbre.speechtotext.TranscriptModels.Chunk;
import dev.timbre.speechtotext.TranscriptModels.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an engine transcript into the ElevenLabs word list: words with a {@code spacing} entry between each two (from
 * the end of one to the start of the next), times per the requested granularity, characters evenly spread over their
 * word when {@code granularity=character}. The engine gives no confidence, so {@code logprob} is 0.
 */
final class TranscriptBuilder {
    private TranscriptBuilder() {}

    static Chunk chunk(SpeechToText.Transcript t, TranscriptionRequest r, Integer channelIndex) {
        return chunk(t, r, channelIndex, null);
    }

    /** @param speakers with diarization, the speaker index of each engine word; null: the channel's one speaker */
    static Chunk chunk(SpeechToText.Transcript t, TranscriptionRequest r, Integer channelIndex, List<Integer> speakers) {
        String speaker = "speaker_" + (channelIndex == null ? 0 : channelIndex);
        boolean timed = !r.granularity().equals("none");
        boolean chars = r.granularity().equals("character");
        List<Word> words = new ArrayList<>();
        WordTiming previous = null;
        int index = 0;
        for (WordTiming w : t.words()) {
            String wordSpeaker = speakers == null ? speaker : "speaker_" + speakers.get(index++);
            if (previous != null) {
                words.add(new Word(" ", timed ? previous.end() : null, timed ? Math.max(previous.end(), w.start()) : null, "spacing", speaker, 0.0,
                        chars ? List.of(new Character(" ", previous.end(), Math.max(previous.end(), w.start()))) : null));
            }
            words.add(new Word(w.word(), timed ? w.start() : null, timed ? w.end() : null, "word", wordSpeaker, 0.0, chars ? characters(w) : null));
            previous = w;
            speaker = wordSpeaker; // a spacing entry takes the previous word's speaker
        }
        String text = t.text() == null ? "" : t.text();
        return new Chunk(t.language() == null ? "en" : t.language(), t.languageProbability(), text, List.copyOf(words), channelIndex, null, null);
    }

    private static List<Character> characters(WordTiming w) {
        int n = w.word().codePointCount(0, w.word().length());
        double each = n == 0 ? 0 : (w.end() - w.start()) / n;
        List<Character> out = new ArrayList<>();
        int i = 0;
        for (int off = 0; off < w.word().length(); i++) {
            int cp = w.word().codePointAt(off);
            out.add(new Character(new String(java.lang.Character.toChars(cp)), round(w.start() + i * each), round(w.start() + (i + 1) * each)));
            off += java.lang.Character.charCount(cp);
        }
        return out;
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }
}
