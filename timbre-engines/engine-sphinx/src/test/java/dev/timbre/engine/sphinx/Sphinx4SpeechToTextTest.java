package dev.timbre.engine.sphinx;

import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.SpeechToTextContract;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** sphinx4 is slow (RTF about 2): short sentences only. */
@Tag("integration")
class Sphinx4SpeechToTextTest extends SpeechToTextContract {
    private static final Logger log = Logger.getLogger(Sphinx4SpeechToTextTest.class.getName());
    private static Sphinx4SpeechToText engine;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        engine = new Sphinx4SpeechToText(2);
        log.info(String.format("sphinx4: model loaded in %.2f s", (System.nanoTime() - t0) / 1e9));
    }

    @AfterAll
    static void unload() {
        if (engine != null) engine.close();
    }

    @Override
    protected SpeechToText engine() { return engine; }

    @Override
    protected Clip speak(String text) { return MarySpeech.speak(text); }

    @Override
    protected List<String> sentences() {
        return List.of("Please call me back.", "Thank you very much.", "The dog sat on the mat.");
    }
}
