package dev.timbre.convai.conversation.speech;

import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's voice on the server's speech layer: each {@link #speak} prepares one text-to-speech request per voice
 * part ({@link TextToSpeechService#prepare(String, TextToSpeechRequest, double)}: voice, model, stability, similarity,
 * speed) and pulls them as one raw-PCM synthesis (streamed: first audio goes first) on the shared
 * {@link SpeechThreads}; a script another conversation speaks alike (a first message) is read from that one synthesis
 * or replayed ({@link SharedUtterances}). With {@code tts.supported_voices}, {@link VoiceMarkup} parts switch voices (the run converts
 * other engine rates to the utterance's first rate; tag characters are silent segments, aligned with no duration).
 * Agent speech charges no characters and records no history item (the conversation is the record). Each chunk is
 * held back until the next one arrives, so that characters settled one chunk late (and those settled at the end)
 * still travel with the chunk they start in; alignment times become milliseconds from the start of their chunk
 * (characters settled later still start at 0 of the chunk they arrive with). Thread-safe; callbacks come on a speech
 * thread, one at a time.
 */
final class ConversationSpeech implements AgentSpeech {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSpeech.class);

    /** One voice: its id, the request without text (model, voice settings) and the speed. */
    record Voice(String voiceId, TextToSpeechRequest template, double speed) {}

    private final TextToSpeechService tts;
    private final SpeechSynthesizer speech;
    private final Executor threads;
    /** The agent's own voice. */
    private final Voice agentVoice;
    /** The voice spoken now: the agent's, or a language preset's ({@link #useVoice}). */
    private volatile Voice voice;
    private final Map<String, Voice> labelled;
    /** Utterances synthesised once for every conversation that speaks them alike (first messages). */
    private final SharedUtterances shared;
    /** The multi-voice label left open by the last utterance; guarded by this object. */
    private String openLabel;

    ConversationSpeech(TextToSpeechService tts, SpeechSynthesizer speech, Executor threads, SharedUtterances shared, Voice voice,
                       Map<String, Voice> labelled) {
        this.tts = tts;
        this.shared = shared;
        this.speech = speech;
        this.threads = threads;
        this.voice = voice;
        this.agentVoice = voice;
        this.labelled = Map.copyOf(labelled);
    }

    /**
     * Later utterances speak with {@code voiceId} (the agent's model, settings and speed; null: the agent's own voice);
     * a voice we cannot speak with is ignored.
     */
    @Override
    public void useVoice(String voiceId) {
        Voice current = agentVoice;
        if (voiceId == null || voiceId.equals(current.voiceId())) {
            voice = agentVoice;
            return;
        }
        try {
            tts.prepare(voiceId, ConversationVoices.withText(current.template(), "Hello."), current.speed());
            voice = new Voice(voiceId, current.template(), current.speed());
        } catch (RuntimeException e) {
            LOG.info("the agent keeps voice {}: the language preset's voice {} cannot speak: {}", voice.voiceId(), voiceId, e.getMessage());
        }
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
            threads.execute(dev.timbre.tracing.Tracing.carrying(run)); // the voice turn's trace: the synthesis is its child
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
        /** The agent's voice when the utterance was asked for ({@link #useVoice} affects later ones only). */
        private final Voice main = voice;
        private volatile boolean cancelled;
        /** The synthesis being read; guarded by this object so that a cancel stops it exactly when it is open. */
        private UtteranceSource synthesis;
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
            UtteranceSource open;
            synchronized (this) {
                open = synthesis;
            }
            if (open != null) open.cancel(); // cancels the engines unless another conversation reads them; the read in progress ends at once
        }

        @Override
        public void run() {
            if (cancelled) return;
            try {
                SpeechScript script = script();
                try (UtteranceSource r = shared.open(script, () -> speech.open(script, SpeechSynthesizer.Delivery.STREAMED))) {
                    synchronized (this) {
                        if (cancelled) return;
                        synthesis = r;
                    }
                    for (SpeechChunk c; (c = r.next()) != null; ) {
                        if (format == null) format = r.pcmFormat();
                        emit(c.audio(), c.alignment());
                    }
                }
                if (held != null) deliver(held, heldStart, heldAlignment);
                if (!cancelled) listener.done();
            } catch (Cancelled | CancellationException | InterruptedException stop) {
                // cancelled: no more callbacks
            } catch (Exception e) {
                fail(e);
            }
        }

        void fail(Exception e) {
            if (cancelled) return;
            LOG.debug("agent speech failed: {}", e.toString());
            listener.failed(e);
        }

        /** The utterance as one script: a spoken segment per voice part, a silent one per tag or white space. */
        private SpeechScript script() {
            List<SpeechScript.Segment> segments = new ArrayList<>(parts.size());
            for (VoiceMarkup.Part part : parts) {
                String piece = text.substring(part.from(), part.to());
                if (part.markup()) {
                    segments.add(SpeechScript.Segment.silent(piece));
                } else {
                    Voice v = part.label() == null ? main : labelled.getOrDefault(part.label(), main);
                    segments.add(tts.prepare(v.voiceId(), ConversationVoices.withText(v.template(), piece), v.speed()).segment());
                }
            }
            return new SpeechScript(segments, null, false);
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

    /** Thrown between chunks after a cancel: the run is closed on the way out. */
    private static final class Cancelled extends Exception {
        Cancelled() {
            super("cancelled", null);
        }
    }
}
