package dev.timbre.engine.marytts;

import dev.timbre.engine.SentenceSplitter;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.ThreadedSpeechStream;
import dev.timbre.engine.VoiceDescriptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.w3c.dom.Document;

/**
 * Text to speech with MaryTTS 5.2.1 in process: its one US English voice, cmu-slt-hsmm, and pitch presets of it
 * ({@link VoicePreset}). Plain text is spoken sentence by sentence, so audio starts after the first sentence is
 * synthesised; text that starts with {@code <speak} (or {@code <?xml}) is SSML and is spoken as one piece. The speed
 * setting becomes an SSML prosody rate, stability and style a pitch contour ({@link ProsodyVariation}); the language
 * code is ignored (English only). A request's {@link dev.timbre.engine.VoiceShape} applies its pitch shift and range to
 * the pitch targets and its rate to the tempo; its formant scale is ignored (MaryTTS's TractScaler was not intelligible,
 * see {@link VoicePreset}). Output is s16le mono at 48 kHz
 * with word timings in seconds from the start of the stream.
 *
 * <p>Thread-safe: every stream renders on its own thread with its own MaryTTS interfaces and documents, and nothing
 * per-request is shared, so streams run in parallel. {@link #close()} does nothing: MaryTTS lives as long as the JVM.
 */
public final class MaryTextToSpeech implements TextToSpeech {

    /** Starts MaryTTS (once per JVM) and warms it up: blocks for 1 to 3 s. */
    public MaryTextToSpeech() {
        MaryRuntime.start();
        try {
            new SpeechRenderer(VoicePreset.ALL.get(0), new Collector(), new AtomicBoolean())
                    .render(List.of(SsmlDocuments.fromText("Ready.", 1.0)));
        } catch (Exception e) {
            throw new EngineException("MaryTTS warm-up failed: " + e.getMessage(), e, false);
        }
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("marytts", "MaryTTS 5.2.1 with the cmu-slt-hsmm HMM voice, in process",
                new EngineCapabilities(Set.of("en"), false, true, true));
    }

    /** Words at given times and pitches ({@link MaryTimedSpeech}), for the voice changer. */
    @Override
    public java.util.Optional<dev.timbre.engine.TimedSpeech> timedSpeech() {
        return java.util.Optional.of(TIMED);
    }

    private static final MaryTimedSpeech TIMED = new MaryTimedSpeech();

    @Override
    public List<VoiceDescriptor> voices() {
        return VoicePreset.ALL.stream().map(VoicePreset::descriptor).toList();
    }

    /** @throws EngineException at once for an unknown voice or malformed SSML */
    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        VoicePreset voice = VoicePreset.find(request.voiceId())
                .orElseThrow(() -> new EngineException("unknown voice: " + request.voiceId()));
        List<Document> documents = documents(request, voice.rate() * request.shape().rate());
        return ThreadedSpeechStream.start("marytts-tts", out,
                (sink, cancelled) -> new SpeechRenderer(voice, request.shape(), sink, cancelled).render(documents));
    }

    private static List<Document> documents(SpeechRequest request, double presetRate) {
        String text = request.text();
        double speed = request.tuning().speed() * presetRate;
        if (SsmlDocuments.isSsml(text)) return List.of(SsmlDocuments.parse(text, speed));
        List<String> sentences = SentenceSplitter.split(text);
        List<Document> documents = new java.util.ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            String contour = ProsodyVariation.contour(request.tuning(), request.seed(), i);
            documents.add(SsmlDocuments.fromText(sentences.get(i), speed, contour));
        }
        return documents;
    }
}
