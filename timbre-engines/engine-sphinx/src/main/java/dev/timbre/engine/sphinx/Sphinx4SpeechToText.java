package dev.timbre.engine.sphinx;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.util.TimeFrame;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import edu.cmu.sphinx.result.WordResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CMU sphinx4 5prealpha, pure Java with the model inside the jar: the fallback when pocketsphinx is not installed.
 * US English, batch only (streams buffer and decode at the end), word timings in 10 ms frames. Slower than real
 * time on a small CPU (RTF about 2), so not for live use. Thread-safe: a bounded pool of recognisers, created lazily.
 */
public final class Sphinx4SpeechToText implements SpeechToText {
    public static final String PROVIDER = "sphinx4";
    private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";
    private static final int SAMPLE_RATE = 16_000;

    private final DecoderPool<Recognizer> pool;

    public Sphinx4SpeechToText() {
        this(2);
    }

    public Sphinx4SpeechToText(int maxRecognizers) {
        quietLogging();
        pool = new DecoderPool<>(maxRecognizers, Sphinx4SpeechToText::newRecognizer, r -> {}, Duration.ofSeconds(120));
        pool.release(pool.acquire(), false); // load the model now
    }

    /** Whether the sphinx4 model is on the class path. */
    public static boolean available() {
        return Sphinx4SpeechToText.class.getResource("/edu/cmu/sphinx/models/en-us/en-us.lm.bin") != null;
    }

    private static Recognizer newRecognizer() {
        Configuration c = new Configuration();
        c.setAcousticModelPath(MODELS + "en-us");
        c.setDictionaryPath(MODELS + "cmudict-en-us.dict");
        c.setLanguageModelPath(MODELS + "en-us.lm.bin");
        c.setSampleRate(SAMPLE_RATE);
        try {
            // sphinx4's default configuration with logLevel WARNING (its default, INFO, logs every unit it loads).
            Context context = new Context("resource:/dev/timbre/engine/sphinx/timbre-sphinx4.xml", c);
            return new Recognizer(context);
        } catch (IOException e) {
            throw new EngineException("sphinx4 could not load its model", e, false);
        }
    }

    /** Held so that java.util.logging keeps their levels (it references loggers weakly). */
    private static final Logger SPHINX_LOG = Logger.getLogger("edu.cmu.sphinx");
    /** sphinx4 names its component loggers after the configuration file: {@code timbre-sphinx4.<class>.<component>}. */
    private static final Logger COMPONENT_LOG = Logger.getLogger("timbre-sphinx4");

    private static void quietLogging() {
        SPHINX_LOG.setLevel(Level.WARNING);
        COMPONENT_LOG.setLevel(Level.WARNING);
    }

    /** sphinx4's StreamSpeechRecognizer, built from a context we can configure first. */
    private static final class Recognizer extends AbstractSpeechRecognizer {
        Recognizer(Context context) throws IOException {
            super(context);
        }

        void startRecognition(InputStream audio) {
            recognizer.allocate();
            context.setSpeechSource(audio, TimeFrame.INFINITE);
        }

        void stopRecognition() {
            recognizer.deallocate();
        }
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "CMU sphinx4 5prealpha (pure Java, US English; slow)",
                new EngineCapabilities(Set.of("en"), false, true, false));
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        if (languageCode != null && !languageCode.isBlank() && !languageCode.toLowerCase(Locale.ROOT).startsWith("en")) {
            throw new EngineException("sphinx4 recognises English only, not '" + languageCode + "'");
        }
        byte[] audio = format.sampleRate() == SAMPLE_RATE ? pcm : Resampler.resampleAll(pcm, format.sampleRate(), SAMPLE_RATE);
        if (audio.length < 2) return Transcript.empty("en");
        Recognizer recognizer = pool.acquire();
        boolean broken = true;
        try {
            List<RecognizedWord> words = new ArrayList<>();
            recognizer.startRecognition(new ByteArrayInputStream(audio));
            try {
                SpeechResult result;
                while ((result = recognizer.getResult()) != null) {
                    for (WordResult w : result.getWords()) {
                        if (w.isFiller()) continue;
                        String word = PocketsphinxDecoder.baseWord(w.getWord().getSpelling());
                        if (word == null) continue;
                        // sphinx4's WordResult confidence is not a calibrated probability here: no score.
                        words.add(new RecognizedWord(word, w.getTimeFrame().getStart() / 1000.0, w.getTimeFrame().getEnd() / 1000.0, Double.NaN));
                    }
                }
            } finally {
                recognizer.stopRecognition();
            }
            // A recogniser that heard no speech (silence only) hears nothing in later audio either: replace it.
            broken = words.isEmpty();
            String text = words.stream().map(RecognizedWord::word).collect(Collectors.joining(" "));
            return Transcript.of(text, "en", 1.0, words);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new EngineException("sphinx4 failed to decode", e, false);
        } finally {
            pool.release(recognizer, broken);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
