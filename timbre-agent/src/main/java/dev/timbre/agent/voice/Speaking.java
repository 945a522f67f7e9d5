package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.PcmFormat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent's side: reply text → sentences ({@link AgentReply}) → one {@link AgentSpeech} utterance at a time, in
 * order (the next starts when the previous is done) → wire pieces ({@link UtteranceAudio}) to the {@link Output}.
 * Engine callbacks are posted to the loop and dropped once their utterance was cancelled. Synthesis waits while more
 * than {@link #MAX_AHEAD_MS} of sent audio is still unplayed, so a client never has more than that queued. Loop thread
 * only.
 */
final class Speaking {
    static final long MAX_AHEAD_MS = 30_000;
    /** Streamed replies kept open at once; the session streams one at a time, so this is only a bound. */
    static final int MAX_OPEN = 16;
    private static final System.Logger LOG = System.getLogger(Speaking.class.getName());

    /** Where spoken audio goes (loop thread). */
    interface Output {
        /** The engine's first audio of {@code reply}. */
        void synthesized(AgentReply reply);

        /** A piece of {@code reply}; {@code offset} is where its utterance starts in the reply text. */
        void piece(AgentReply reply, UtteranceAudio.Piece piece, int offset);

        /** Nothing is being or waiting to be spoken, and no streamed response is still open. */
        void idle();

        /** Milliseconds of sent audio not played yet, plus audio held back (see {@link #holding}). */
        long aheadMs();

        /** Audio is being held back (a speculative reply): it does not play, so pacing waits for {@link Speaking#resume}. */
        boolean holding();
    }

    private final class Job {
        final AgentReply reply;
        final AgentReply.Sentence sentence;
        final UtteranceAudio audio;
        AgentSpeech.Utterance handle;
        boolean cancelled;

        Job(AgentReply reply, AgentReply.Sentence sentence) {
            this.reply = reply;
            this.sentence = sentence;
            this.audio = new UtteranceAudio(encoding);
        }
    }

    private final AgentSpeech speech;
    private final AudioEncoding encoding;
    private final SessionLoop loop;
    private final Output output;
    /** Streamed replies still taking text (at most one or two: the session streams one reply at a time). */
    private final List<AgentReply> open = new ArrayList<>();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private Job current;
    private SessionLoop.Timer paced;
    private boolean closed;

    Speaking(AgentSpeech speech, AudioEncoding encoding, SessionLoop loop, Output output) {
        this.speech = speech;
        this.encoding = encoding;
        this.loop = loop;
        this.output = output;
    }

    /** A streamed reply starts. */
    void begin(AgentReply reply) {
        open.removeIf(r -> !r.open());
        if (open.size() < MAX_OPEN) open.add(reply);
    }

    void delta(AgentReply reply, String text) { enqueue(reply, reply.append(text)); }

    /** A streamed reply ended: its last sentence is spoken. */
    void end(AgentReply reply) {
        enqueue(reply, reply.end());
        open.remove(reply);
        idleCheck();
    }

    /** A reply said without parts (first message, filler, farewell…): spoken whole. */
    void whole(AgentReply reply, String text) {
        enqueue(reply, reply.append(text));
        enqueue(reply, reply.end());
        idleCheck();
    }

    /** Replies being synthesised, waiting, or still streaming, in the order they came. */
    Set<AgentReply> pendingReplies() {
        Set<AgentReply> replies = new LinkedHashSet<>();
        if (current != null) replies.add(current.reply);
        for (Job j : queue) replies.add(j.reply);
        for (AgentReply r : open) if (r.open()) replies.add(r);
        return replies;
    }

    boolean busy() { return !pendingReplies().isEmpty(); }

    /** Barge-in: cancels every pending utterance; the responses take no more text. */
    void cutAll() {
        if (current != null) cancel(current);
        current = null;
        queue.clear();
        for (AgentReply r : open) r.cut();
        open.clear();
        if (paced != null) paced.cancel();
        paced = null;
    }

    /** Held-back audio was released (or dropped): synthesis paced by it may go on. */
    void resume() { startNext(); }

    /** The session ended with responses still streaming (a stalled LLM): what they said so far is spoken to the end. */
    void endStreams() {
        for (AgentReply r : List.copyOf(open)) enqueue(r, r.end());
        open.clear();
        idleCheck();
    }

    /** The call is over: nothing more is spoken. */
    void close() {
        cutAll();
        closed = true;
    }

    private void enqueue(AgentReply r, List<AgentReply.Sentence> sentences) {
        if (closed) return;
        for (AgentReply.Sentence s : sentences) queue.add(new Job(r, s));
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
        if (job.reply.firstAudio()) output.synthesized(job.reply);
        for (UtteranceAudio.Piece p : job.audio.add(format, pcm, chars)) output.piece(job.reply, p, job.sentence.offset());
    }

    private void finished(Job job) {
        for (UtteranceAudio.Piece p : job.audio.finish()) output.piece(job.reply, p, job.sentence.offset());
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
