package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Turns text into speech. One instance serves all requests; implementations are thread-safe. */
public interface TextToSpeech extends AutoCloseable {
    EngineInfo info();

    List<VoiceDescriptor> voices();

    /** Starts synthesis; audio flows to {@code out} on a thread of the engine's choosing. */
    SpeechStream openStream(SpeechRequest request, AudioSink out);

    /** Batch form: runs the stream to the end and returns all its audio. */
    default Speech synthesize(SpeechRequest request) throws InterruptedException {
        Collector collector = new Collector();
        try (SpeechStream stream = openStream(request, collector)) {
            stream.await();
        }
        if (collector.failure != null) throw collector.failure;
        return new Speech(collector.format, collector.pcm.toByteArray(), List.copyOf(collector.words));
    }

    /** The provider's voice cloning, when it offers it and it is enabled; empty for engines that cannot clone. */
    default java.util.Optional<VoiceCloning> cloning() {
        return java.util.Optional.empty();
    }

    /** Speaking words at given times and pitches, for engines that can; empty for the others. */
    default java.util.Optional<TimedSpeech> timedSpeech() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {}

    /** All the audio of one synthesis, with its word timings. */
    record Speech(PcmFormat format, byte[] pcm, List<WordTiming> words) {
        public double seconds() { return format.seconds(pcm.length); }
    }

    final class Collector implements AudioSink {
        private PcmFormat format;
        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private final List<WordTiming> words = new ArrayList<>();
        private EngineException failure;

        @Override public void start(PcmFormat f) { format = f; }
        @Override public void audio(byte[] b, int off, int len) { pcm.write(b, off, len); }
        @Override public void words(List<WordTiming> w) { words.addAll(w); }
        @Override public void end() {}
        @Override public void error(EngineException e) { failure = e; }

        /** What was collected; throws the engine's failure if it reported one. */
        public Speech speech() {
            if (failure != null) throw failure;
            return new Speech(format, pcm.toByteArray(), List.copyOf(words));
        }
    }
}
