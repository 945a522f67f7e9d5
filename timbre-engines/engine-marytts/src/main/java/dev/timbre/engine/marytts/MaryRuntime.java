package dev.timbre.engine.marytts;

import dev.timbre.engine.EngineException;
import java.util.Locale;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import org.apache.log4j.varia.NullAppender;

/**
 * The process-wide MaryTTS system. MaryTTS keeps its modules and voices in static state, so it starts once per JVM
 * however many engines are made, and it is never shut down (other engines may still use it). It reads everything from
 * the classpath and makes no network connection.
 */
final class MaryRuntime {
    static final String VOICE = "cmu-slt-hsmm";
    private static final String LOG_CONFIG = "dev/timbre/engine/marytts/marytts-log4j2.xml";
    private static boolean started;

    private MaryRuntime() {}

    /** Starts MaryTTS unless it runs already: blocks for 1 to 3 s. Thread-safe; later callers wait for the first. */
    static synchronized void start() {
        if (started) return;
        quietLogging();
        try {
            LocalMaryInterface mary = new LocalMaryInterface();
            if (!mary.getAvailableVoices().contains(VOICE)) {
                throw new EngineException("MaryTTS voice " + VOICE + " is not on the classpath");
            }
        } catch (MaryConfigurationException e) {
            throw new EngineException("MaryTTS failed to start: " + e.getMessage(), e, false);
        }
        started = true;
    }

    /**
     * Stops MaryTTS from creating {@code ./log/server.log}. Its start-up configures log4j (with that file) only when
     * the log4j 1.x root logger has no appender, so it gets a silent one; log4j2 then follows our bundled
     * configuration (warnings to stderr) unless the operator named another. Must run before MaryTTS starts.
     */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
        if (!root.getAllAppenders().hasMoreElements()) root.addAppender(new NullAppender());
    }

    /**
     * A new interface for one step of the pipeline (MaryTTS data type names, e.g. {@code SSML} to
     * {@code ACOUSTPARAMS}). Cheap (well under 1 ms). Not thread-safe: confine each to one thread.
     */
    static LocalMaryInterface newInterface(String inputType, String outputType) {
        start();
        try {
            LocalMaryInterface mary = new LocalMaryInterface();
            mary.setLocale(Locale.US);
            mary.setVoice(VOICE);
            mary.setInputType(inputType);
            mary.setOutputType(outputType);
            return mary;
        } catch (MaryConfigurationException e) {
            throw new EngineException("MaryTTS failed to start: " + e.getMessage(), e, false);
        }
    }
}
