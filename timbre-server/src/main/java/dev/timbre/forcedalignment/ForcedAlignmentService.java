package dev.timbre.forcedalignment;

import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import dev.timbre.http.ApiException;
import dev.timbre.speechtotext.AudioInput;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.speech.CharacterAlignment;
import java.util.ArrayList;
import java.util.List;

/**
 * Forced alignment: where each word and character of a given text is spoken in an upload. The speech-to-text engine
 * aligns the words (it does not recognise anything); characters share their word's span and the gaps between words.
 * Thread-safe; runs on the calling thread.
 */
public final class ForcedAlignmentService {
    /** The longest text: about 1.8 hours of speech at 15 characters a second. */
    static final int MAX_TEXT = 100_000;
    /**
     * No one speaks faster than this (fast speech is about 20 characters a second); a text longer than the audio can
     * hold is refused before the engine spends time proportional to text × audio on it.
     */
    static final int MAX_CHARS_PER_SECOND = 40;
    /** Short clips may always carry this much text. */
    static final int MIN_TEXT_LIMIT = 1_000;

    private final SpeechToTextService speechToText;

    public ForcedAlignmentService(SpeechToTextService speechToText) {
        this.speechToText = speechToText;
    }

    public ForcedAlignment align(byte[] audio, String text) {
        if (text == null || text.isBlank()) throw ApiException.invalid("Field required", "missing", "body", "text");
        if (text.length() > MAX_TEXT) {
            throw ApiException.invalid("Text must be at most " + MAX_TEXT + " characters", "string_too_long", "body", "text");
        }
        SpeechToText engine = speechToText.engine();
        Wav.Decoded pcm = UploadDecoder.to16k(AudioInput.mono(audio));
        double seconds = pcm.format().seconds(pcm.pcm().length);
        long limit = Math.max(MIN_TEXT_LIMIT, (long) Math.ceil(seconds * MAX_CHARS_PER_SECOND));
        if (text.strip().length() > limit) {
            throw ApiException.invalid("Text of " + text.strip().length() + " characters is longer than " + String.format(java.util.Locale.ROOT, "%.1f", seconds)
                    + " s of audio can hold (at most " + limit + " characters)", "string_too_long", "body", "text");
        }
        SpeechToText.Transcript aligned = engine.align(pcm.pcm(), pcm.format(), text.strip()).orElseThrow(() ->
                new ApiException(501, "forced_alignment_unsupported", "The speech-to-text engine '" + engine.info().provider()
                        + "' cannot do forced alignment; use pocketsphinx."));
        return response(text.strip(), aligned, seconds);
    }

    static ForcedAlignment response(String text, SpeechToText.Transcript aligned, double seconds) {
        List<ForcedAlignment.Word> words = new ArrayList<>();
        double total = 0;
        for (RecognizedWord w : aligned.recognized()) {
            double loss = Double.isNaN(w.logprob()) ? 0 : Math.max(0, -w.logprob());
            total += loss;
            words.add(new ForcedAlignment.Word(w.word(), round(w.start()), round(w.end()), round(loss)));
        }
        List<WordTiming> timings = aligned.recognized().stream().map(RecognizedWord::timing).toList();
        CharacterAlignment c = CharacterAlignment.fromWords(text, timings, seconds);
        List<ForcedAlignment.Character> characters = new ArrayList<>(c.characters().size());
        for (int i = 0; i < c.characters().size(); i++) {
            characters.add(new ForcedAlignment.Character(c.characters().get(i), c.characterStartTimesSeconds().get(i),
                    c.characterEndTimesSeconds().get(i)));
        }
        return new ForcedAlignment(characters, words, words.isEmpty() ? 0 : round(total / words.size()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
