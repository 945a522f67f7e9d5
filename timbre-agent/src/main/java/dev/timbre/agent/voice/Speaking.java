package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import dev.timbre.audio.PcmFormat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's side: response text → sentences ({@link SpokenResponse}) → one {@link AgentSpeech} utterance at a time,
 * in order (the next starts when the previous is done) → wire pieces ({@link UtteranceAudio}) to the {@link Output}.
 * Engine callbacks are posted to the loop and dropped once their utterance was cancelled. Synthesis waits while more
 * than {@link #MAX_AHEAD_MS} of sent audio is still unplayed, so a client never has more than that queued. Loop thread
 * only.
 */
final class Speaking {
    static final long MAX_AHEAD_MS = 30_000;
    private static final System.Logger LOG = System.getLogger(Speaking.class.getName());

    /** Where spoken audio goes (loop thread). */
    interface Output {
        /** The engine's first audio of response {@code eventId}. */
        void synthesized(int eventId);

        /** A piece of response {@code eventId}; {@code offset} is where its utterance starts in the response text. */
        void piece(int eventId, UtteranceAudio.Piece piece, int offset);

        /** Nothing is being or waiting to be spoken, and no streamed response is still open. */
        void idle();

        /** Milliseconds of sent audio not played yet, plus audio held back (see {@link #holding}). */
        long aheadMs();

        /** Audio is being held back (a speculative reply): it does not play, so pacing waits for {@link Speaking#resume}. */
        boolean holding();
    }

    private final class Job {
        final int eventId;
        final SpokenResponse.Sentence sentence;
        final UtteranceAudio audio;
        AgentSpeech.Utterance handle;
        boolean cancelled;

        Job(int eventId, SpokenResponse.Sentence sentence) {
            this.eventId = eventId;
            this.sentence = sentence;
            this.audio = new UtteranceAudio(encoding);
        }
    }

    private final AgentSpeech speech;
    private final AudioEncoding encoding;
    private final SessionLoop loop;
    private final Output output;
    private final Map<Integer, SpokenResponse> responses = new LinkedHashMap<>();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Set<Integer> synthesized = new java.util.HashSet<>();
    private Job current;
    private SessionLoop.Timer paced;
    private boolean closed;

    Speaking(AgentSpeech speech, AudioEncoding encoding, SessionLoop loop, Output output) {
        this.speech = speech;
        this.encoding = encoding;
        this.loop = loop;
        this.output = output;
    }

    /** A streamed response starts. */
    void begin(int eventId) { response(eventId, true); }

    void delta(int eventId, String text) {
        SpokenResponse r = responses.get(eventId);
        if (r != null) enqueue(r, r.append(text));
    }

    /** A streamed response ended: its last sentence is spoken. */
    void end(int eventId) {
        SpokenResponse r = responses.get(eventId);
        if (r != null) enqueue(r, r.end());
        idleCheck();
    }

    boolean isStreamed(int eventId) {
        SpokenResponse r = responses.get(eventId);
        return r != null && r.streamed;
    }

    /** A response said without parts (first message, filler, farewell…): spoken whole. */
    void whole(int eventId, String text) {
        SpokenResponse r = response(eventId, false);
        enqueue(r, r.append(text));
        enqueue(r, r.end());
        idleCheck();
    }

    /** The text of response {@code eventId} heard up to {@code offset}, or null when unknown. */
    String heard(int eventId, int offset) {
        SpokenResponse r = responses.get(eventId);
        return r == null ? null : r.heard(offset);
    }

    /** Responses being synthesised, waiting, or still streaming. */
    TreeSet<Integer> pendingEvents() {
        TreeSet<Integer> ids = new TreeSet<>();
        if (current != null) ids.add(current.eventId);
        for (Job j : queue) ids.add(j.eventId);
        for (SpokenResponse r : responses.values()) if (r.streamed && !r.ended && !r.cut) ids.add(r.eventId);
        return ids;
    }

    boolean busy() { return !pendingEvents().isEmpty(); }

    /** Barge-in: cancels every pending utterance; the responses take no more text. */
    void cutAll() {
        if (current != null) cancel(current);
        current = null;
        queue.clear();
        for (SpokenResponse r : responses.values()) r.cut = true;
        if (paced != null) paced.cancel();
        paced = null;
    }

    /** Held-back audio was released (or dropped): synthesis paced by it may go on. */
    void resume() { startNext(); }

    /** The session ended with responses still streaming (a stalled LLM): what they said so far is spoken to the end. */
    void endStreams() {
        for (SpokenResponse r : List.copyOf(responses.values())) if (r.streamed && !r.ended && !r.cut) enqueue(r, r.end());
        idleCheck();
    }

    /** The call is over: nothing more is spoken. */
    void close() {
        cutAll();
        closed = true;
    }

    private SpokenResponse response(int eventId, boolean streamed) {
        SpokenResponse r = new SpokenResponse(eventId, streamed);
        responses.put(eventId, r);
        while (responses.size() > 16) synthesized.remove(responses.remove(responses.keySet().iterator().next()).eventId);
        return r;
    }

    private void enqueue(SpokenResponse r, List<SpokenResponse.Sentence> sentences) {
        if (closed) return;
        for (SpokenResponse.Sentence s : sentences) queue.add(new Job(r.eventId, s));
        startNext();
    }

    private void startNext() {
        if (current != null || closed) return;
        if (queue.isEmpty()) return;
        long ahead = output.aheadMs();
        if (ahead > MAX_AHEAD_MS) {
            if (paced == null && !output.holding()) paced = loop.schedule(Duration.ofMillis(ahead - MAX_AHEAD_MS), () -> { paced = null; startNext(); });
            return;
        }
        Job job = queue.poll();
        current = job;
        try {
            job.handle = speak(job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "agent speech failed to start: " + e.getMessage(), e);
            loop.execute(() -> { if (live(job)) finished(job); });
        }
    }

    private AgentSpeech.Utterance speak(Job job) {
        return speech.speak(job.sentence.text(), new AgentSpeech.Listener() {
            @Override public void audio(PcmFormat format, byte[] pcm, SpokenChars chars) {
                loop.execute(() -> { if (live(job)) audioIn(job, format, pcm, chars); });
            }
            @Override public void done() { loop.execute(() -> { if (live(job)) finished(job); }); }
            @Override public void failed(Exception e) {
                LOG.log(System.Logger.Level.WARNING, "agent speech failed: " + e.getMessage(), e);
                loop.execute(() -> { if (live(job)) finished(job); });
            }
        });
    }

    private boolean live(Job job) { return current == job && !job.cancelled && !closed; }

    private void audioIn(Job job, PcmFormat format, byte[] pcm, SpokenChars chars) {
        if (synthesized.add(job.eventId)) output.synthesized(job.eventId);
        for (UtteranceAudio.Piece p : job.audio.add(format, pcm, chars)) output.piece(job.eventId, p, job.sentence.offset());
    }

    private void finished(Job job) {
        for (UtteranceAudio.Piece p : job.audio.finish()) output.piece(job.eventId, p, job.sentence.offset());
        current = null;
        startNext();
        idleCheck();
    }

    private void idleCheck() {
        if (!closed && !busy()) output.idle();
    }

    private void cancel(Job job) {
        job.cancelled = true;
        if (job.handle != null) job.handle.cancel();
    }
}
