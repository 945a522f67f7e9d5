package dev.timbre.convai.conversation;

import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.texttospeech.CharacterAlignment;
import dev.timbre.texttospeech.PcmSynthesis;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's voice on the server's text-to-speech: each {@link #speak} prepares one request
 * ({@link TextToSpeechService#prepare(String, TextToSpeechRequest, double)}: voice, model, stability, similarity,
 * speed) and runs it as raw PCM ({@link PcmSynthesis}) on the shared {@link SpeechThreads}. Agent speech charges no
 * characters and records no history item (the conversation is the record). Each engine chunk is held back until the
 * next one arrives, so that characters settled one chunk late (and those settled at the end) still travel with the
 * chunk they start in; alignment times become milliseconds from the start of their chunk (characters settled later
 * still start at 0 of the chunk they arrive with).
 * Thread-safe; callbacks come on a speech thread, one at a time.
 */
final class ConversationSpeech implements AgentSpeech {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSpeech.class);

    private final TextToSpeechService tts;
    private final Executor threads;
    private final String voiceId;
    private final TextToSpeechRequest template;
    private final double speed;

    /** {@code template}: the request without its text (model, language, voice settings). */
    ConversationSpeech(TextToSpeechService tts, Executor threads, String voiceId, TextToSpeechRequest template, double speed) {
        this.tts = tts;
        this.threads = threads;
        this.voiceId = voiceId;
        this.template = template;
        this.speed = speed;
    }

    @Override
    public Utterance speak(String text, Listener listener) {
        Run run = new Run(text, listener);
        try {
            threads.execute(run);
        } catch (RejectedExecutionException busy) {
            run.fail(new EngineException("Too many agent utterances are waiting for speech synthesis", busy, true));
        }
        return run;
    }

    /** One utterance: runs once on a speech thread; {@link #cancel} from any thread. */
    private final class Run implements Runnable, Utterance, PcmSynthesis.Listener {
        private final String text;
        private final Listener listener;
        private volatile boolean cancelled;
        /** The thread running this utterance; guarded by this object so that an interrupt never outlives the run. */
        private Thread runner;
        private PcmFormat format;
        private byte[] held;
        private double heldStart;
        private CharacterAlignment heldAlignment;
        /** Characters settled before any audio: they go with the first chunk. */
        private CharacterAlignment carried;
        private long bytes;

        Run(String text, Listener listener) {
            this.text = text;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled = true;
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
                TextToSpeechService.Prepared p = tts.prepare(voiceId, ConversationVoices.withText(template, text), speed);
                PcmSynthesis.run(p, this);
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

        @Override
        public void start(PcmFormat f) {
            format = f;
        }

        @Override
        public void audio(byte[] pcm, CharacterAlignment alignment, CharacterAlignment normalized, boolean last) throws IOException {
            if (cancelled) throw new Cancelled();
            if (pcm.length > 0) {
                double start = format.seconds(bytes);
                CharacterAlignment[] split = split(merge(carried, alignment), start);
                carried = null;
                if (held != null) deliver(held, heldStart, merge(heldAlignment, split[0]));
                else split[1] = merge(split[0], split[1]);
                held = pcm;
                heldStart = start;
                heldAlignment = split[1];
                bytes += pcm.length;
            } else if (held != null) {
                heldAlignment = merge(heldAlignment, alignment);
            } else {
                carried = merge(carried, alignment);
            }
            if (last && held != null) {
                deliver(held, heldStart, heldAlignment);
                held = null;
            }
        }

        private void deliver(byte[] pcm, double startSeconds, CharacterAlignment alignment) throws Cancelled {
            if (cancelled) throw new Cancelled();
            listener.audio(format, pcm, SpokenAlignment.relative(alignment, startSeconds));
        }
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

    private static CharacterAlignment merge(CharacterAlignment a, CharacterAlignment b) {
        if (a == null) return b;
        if (b == null) return a;
        var chars = new java.util.ArrayList<>(a.characters());
        var starts = new java.util.ArrayList<>(a.characterStartTimesSeconds());
        var ends = new java.util.ArrayList<>(a.characterEndTimesSeconds());
        chars.addAll(b.characters());
        starts.addAll(b.characterStartTimesSeconds());
        ends.addAll(b.characterEndTimesSeconds());
        return new CharacterAlignment(chars, starts, ends);
    }

    /** Thrown from the synthesis listener to stop the engine stream after a cancel. */
    private static final class Cancelled extends IOException {
        Cancelled() {
            super("cancelled", null);
        }
    }
}
