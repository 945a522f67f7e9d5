package dev.timbre.convai.conversation.speech;

import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.EngineException;
import dev.timbre.texttospeech.CharacterAlignment;
import dev.timbre.texttospeech.PcmSynthesis;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's voice on the server's text-to-speech: each {@link #speak} prepares one request per voice part
 * ({@link TextToSpeechService#prepare(String, TextToSpeechRequest, double)}: voice, model, stability, similarity,
 * speed) and runs it as raw PCM ({@link PcmSynthesis}) on the shared {@link SpeechThreads}. With
 * {@code tts.supported_voices}, {@link VoiceMarkup} parts switch voices (audio of other engine rates is resampled to
 * the utterance's first rate; tag characters are aligned with no duration). Agent speech charges no characters and
 * records no history item (the conversation is the record). Each engine chunk is held back until the next one
 * arrives, so that characters settled one chunk late (and those settled at the end) still travel with the chunk they
 * start in; alignment times become milliseconds from the start of their chunk (characters settled later still start
 * at 0 of the chunk they arrive with). Thread-safe; callbacks come on a speech thread, one at a time.
 */
final class ConversationSpeech implements AgentSpeech {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSpeech.class);

    /** One voice: its id, the request without text (model, voice settings) and the speed. */
    record Voice(String voiceId, TextToSpeechRequest template, double speed) {}

    private final TextToSpeechService tts;
    private final Executor threads;
    private final Voice voice;
    private final Map<String, Voice> labelled;
    /** The multi-voice label left open by the last utterance; guarded by this object. */
    private String openLabel;

    ConversationSpeech(TextToSpeechService tts, Executor threads, Voice voice, Map<String, Voice> labelled) {
        this.tts = tts;
        this.threads = threads;
        this.voice = voice;
        this.labelled = Map.copyOf(labelled);
    }

    @Override
    public Utterance speak(String text, Listener listener) {
        List<VoiceMarkup.Part> parts;
        if (labelled.isEmpty()) {
            parts = List.of(new VoiceMarkup.Part(0, text.length(), null, false));
        } else {
            synchronized (this) {
                VoiceMarkup.Parsed p = VoiceMarkup.parse(text, openLabel, labelled.keySet());
                openLabel = p.openAtEnd();
                parts = p.parts();
            }
        }
        Run run = new Run(text, parts, listener);
        try {
            threads.execute(run);
        } catch (RejectedExecutionException busy) {
            run.fail(new EngineException("Too many agent utterances are waiting for speech synthesis", busy, true));
        }
        return run;
    }

    /** One utterance: runs once on a speech thread; {@link #cancel} from any thread. */
    private final class Run implements Runnable, Utterance {
        private final String text;
        private final List<VoiceMarkup.Part> parts;
        private final Listener listener;
        private volatile boolean cancelled;
        /** The thread running this utterance; guarded by this object so that an interrupt never outlives the run. */
        private Thread runner;
        /** The utterance's PCM format: the first engine's. */
        private PcmFormat format;
        private long bytes;
        private byte[] held;
        private double heldStart;
        private CharacterAlignment heldAlignment;
        /** Characters settled before any audio: they go with the first chunk. */
        private CharacterAlignment carried;

        Run(String text, List<VoiceMarkup.Part> parts, Listener listener) {
            this.text = text;
            this.parts = parts;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (!labelled.isEmpty()) {
                synchronized (ConversationSpeech.this) {
                    openLabel = null; // a cut response leaves no voice open
                }
            }
            synchronized (this) {
                if (runner != null) runner.interrupt(); // wakes the wait for the engine; the stream closes on the way out
            }
        }

        @Override
        public void run() {
            synchronized (this) {
                if (cancelled) return;
                runner = Thread.currentThread();
            }
            try {
                for (VoiceMarkup.Part part : parts) {
                    if (part.markup()) silent(part);
                    else synthesise(part);
                }
                if (held != null) deliver(held, heldStart, heldAlignment);
                if (!cancelled) listener.done();
            } catch (Cancelled | InterruptedException stop) {
                // cancelled: no more callbacks
            } catch (Exception e) {
                fail(e);
            } finally {
                synchronized (this) {
                    runner = null;
                    Thread.interrupted(); // a cancel during the run must not leak into the next task of this thread
                }
            }
        }

        void fail(Exception e) {
            if (cancelled) return;
            LOG.debug("agent speech failed: {}", e.toString());
            listener.failed(e);
        }

        /** Tag or white-space characters: aligned at the current time, no duration. */
        private void silent(VoiceMarkup.Part part) throws Cancelled {
            double now = format == null ? 0 : format.seconds(bytes);
            List<String> chars = new ArrayList<>();
            List<Double> times = new ArrayList<>();
            for (int i = part.from(); i < part.to(); i++) {
                chars.add(String.valueOf(text.charAt(i)));
                times.add(now);
            }
            emit(new byte[0], new CharacterAlignment(chars, times, times));
        }

        private void synthesise(VoiceMarkup.Part part) throws Exception {
            Voice v = part.label() == null ? voice : labelled.getOrDefault(part.label(), voice);
            String piece = text.substring(part.from(), part.to());
            TextToSpeechService.Prepared p = tts.prepare(v.voiceId(), ConversationVoices.withText(v.template(), piece), v.speed());
            PcmSynthesis.run(p, new PcmSynthesis.Listener() {
                private Resampler resampler;
                private double offset;

                @Override
                public void start(PcmFormat f) {
                    if (format == null) format = f;
                    resampler = f.equals(format) ? null : new Resampler(f.sampleRate(), format.sampleRate());
                    offset = format.seconds(bytes);
                }

                @Override
                public void audio(byte[] pcm, CharacterAlignment alignment, CharacterAlignment normalized, boolean last) throws IOException {
                    if (cancelled) throw new Cancelled();
                    byte[] out = resampler == null ? pcm : resampler.resample(pcm, 0, pcm.length);
                    if (last && resampler != null) out = Pcm.concat(List.of(out, resampler.finish()));
                    emit(out, shift(alignment, offset));
                }
            });
        }

        /** PCM in the utterance format and the characters settled with it (seconds from the utterance start). */
        private void emit(byte[] pcm, CharacterAlignment alignment) throws Cancelled {
            if (cancelled) throw new Cancelled();
            if (pcm.length > 0) {
                double start = format.seconds(bytes);
                CharacterAlignment[] split = split(CharacterAlignment.concat(carried, alignment), start);
                carried = null;
                if (held != null) deliver(held, heldStart, CharacterAlignment.concat(heldAlignment, split[0]));
                else split[1] = CharacterAlignment.concat(split[0], split[1]);
                held = pcm;
                heldStart = start;
                heldAlignment = split[1];
                bytes += pcm.length;
            } else if (held != null) {
                heldAlignment = CharacterAlignment.concat(heldAlignment, alignment);
            } else {
                carried = CharacterAlignment.concat(carried, alignment);
            }
        }

        private void deliver(byte[] pcm, double startSeconds, CharacterAlignment alignment) throws Cancelled {
            if (cancelled) throw new Cancelled();
            held = null;
            listener.audio(format, pcm, SpokenAlignment.relative(alignment, startSeconds));
        }
    }

    private static CharacterAlignment shift(CharacterAlignment a, double seconds) {
        if (a == null || seconds == 0) return a;
        return new CharacterAlignment(a.characters(), a.characterStartTimesSeconds().stream().map(t -> t + seconds).toList(),
                a.characterEndTimesSeconds().stream().map(t -> t + seconds).toList());
    }

    /** {@code a}'s characters that start before {@code seconds} (they belong to the chunk held back), and the rest. */
    private static CharacterAlignment[] split(CharacterAlignment a, double seconds) {
        if (a == null) return new CharacterAlignment[2];
        int n = 0;
        while (n < a.characters().size() && a.characterStartTimesSeconds().get(n) < seconds) n++;
        return new CharacterAlignment[] {slice(a, 0, n), slice(a, n, a.characters().size())};
    }

    private static CharacterAlignment slice(CharacterAlignment a, int from, int to) {
        if (from >= to) return null;
        return new CharacterAlignment(a.characters().subList(from, to), a.characterStartTimesSeconds().subList(from, to),
                a.characterEndTimesSeconds().subList(from, to));
    }

    /** Thrown from the synthesis listener to stop the engine stream after a cancel. */
    private static final class Cancelled extends IOException {
        Cancelled() {
            super("cancelled", null);
        }
    }
}
