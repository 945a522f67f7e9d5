package dev.timbre.speechtospeech;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech.TimedWord;
import dev.timbre.engine.WordTiming;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the recogniser hears a re-spoken phrase begin, against where the engine says its first word begins. The
 * source's word times are the recogniser's (aligned), and a recogniser does not place word onsets the same way for
 * every voice (measured with pocketsphinx on MaryTTS phrases: −30..+10 ms). So each phrase is aligned once more,
 * after {@link #PAD_SECONDS} of {@link QuietNoise}, and placed by the same measure as the source: {@link #lead} is
 * how much earlier the recogniser hears it, so the phrase goes that much later. Within ±{@link #MAX_LEAD_SECONDS};
 * 0 when the engine cannot align. Stateless; blocks for the alignment (pocketsphinx: about a tenth of the phrase).
 */
final class PhraseOnset {
    static final double PAD_SECONDS = 0.3, MAX_LEAD_SECONDS = 0.2;
    static final PhraseOnset NONE = new PhraseOnset(null);

    private final SpeechToText recogniser;

    PhraseOnset(SpeechToText recogniser) {
        this.recogniser = recogniser;
    }

    /** Seconds by which the recogniser hears the phrase's first word before the engine's timing of it. */
    double lead(TextToSpeech.Speech phrase, List<TimedWord> words) {
        if (recogniser == null || phrase.words().isEmpty() || phrase.pcm().length == 0) return 0;
        PcmFormat rate = new PcmFormat(16_000);
        byte[] pcm = Pcm.resample(phrase.pcm(), phrase.format().sampleRate(), rate.sampleRate());
        byte[] padded = new QuietNoise(2).bytes(rate.bytesPerSecond() * 3 / 10 + pcm.length);
        System.arraycopy(pcm, 0, padded, padded.length - pcm.length, pcm.length);
        String text = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
        List<WordTiming> heard = recogniser.align(padded, rate, text).map(SpeechToText.Transcript::words).orElse(List.of());
        if (heard.isEmpty()) return 0;
        double lead = PAD_SECONDS + phrase.words().get(0).start() - heard.get(0).start();
        return Math.max(-MAX_LEAD_SECONDS, Math.min(MAX_LEAD_SECONDS, lead));
    }
}
