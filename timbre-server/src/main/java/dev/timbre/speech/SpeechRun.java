package dev.timbre.speech;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One synthesis of a {@link SpeechScript}, pulled chunk by chunk: {@link #next} returns the encoded chunks in order,
 * each with the characters it settles, the last one flagged, then null. Segments are spoken one after the other; the
 * engine of a segment is opened when the run reaches it (the first one by {@link SpeechSynthesizer#open}). Audio of
 * every engine is converted to the rate of the first one, then encoded in slices of {@link #SLICE_MS} (a slice the
 * encoder keeps, MP3 frames, passes its characters on to the next chunk), or handed out raw without a format.
 *
 * <p>Threading: one thread pulls ({@link #next}); it blocks for the engine and while the
 * {@link SpeechScheduler} pauses it. {@link #close} may come from any thread: it cancels the engine work, gives the
 * slot back, and a pull in progress or later ends with {@link CancellationException}. Whoever opened the run closes
 * it (try-with-resources), also after the last chunk; closing twice is harmless.
 */
public final class SpeechRun implements AutoCloseable {
    /** Audio is encoded and handed out in slices of this many milliseconds of the run's PCM. */
    static final int SLICE_MS = 100;

    private final SpeechScript script;
    private final SpeechScheduler.Ticket ticket;
    private final RunSpan trace;
    private final ArrayDeque<Ready> ready = new ArrayDeque<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final List<SpeechChunk.SegmentSpan> spans = new ArrayList<>();
    private volatile boolean closed;
    private volatile EngineSegment current;
    private int nextSegment;
    private boolean finished;
    private PcmFormat pcm;
    private AudioEncoder encoder;
    private long bytes;
    private CharacterAlignment pendingAlignment, pendingNormalized;

    /** A chunk ready to hand out, with the run's audio position at its end. */
    private record Ready(SpeechChunk chunk, double endSeconds) {}

    /** Opens the first spoken segment; the caller holds {@code ticket}, which this run now owns. */
    SpeechRun(SpeechScript script, SpeechScheduler.Ticket ticket, SpeechMetrics metrics) {
        this.script = script;
        this.ticket = ticket;
        this.trace = new RunSpan(script, metrics);
        try {
            while (current == null && !finished) advance(); // silent segments before the first engine align at 0
        } catch (RuntimeException e) {
            trace.failed(e);
            close();
            throw e;
        }
    }

    /**
     * The next chunk in order, or null after the last one.
     *
     * @throws SpeechException.Refused when the engine of a later segment refuses it
     * @throws SpeechException.Failed  when an engine fails or stays silent for {@link EngineSegment#STALL_MS}
     * @throws CancellationException   when the run was closed
     */
    public SpeechChunk next() throws InterruptedException {
        if (closed) throw new CancellationException("the run was closed");
        if (ready.isEmpty()) {
            if (finished) return null;
            ticket.beforeChunk();
            try {
                while (ready.isEmpty()) step();
            } catch (SpeechException e) {
                trace.failed(e);
                throw e;
            }
        }
        Ready r = ready.poll();
        SpeechChunk c = r.chunk();
        if (script.keepAudio()) kept.writeBytes(c.audio());
        if (c.audio().length > 0) ticket.sent(r.endSeconds());
        trace.chunk(c);
        if (c.last()) ticket.close(); // the engines are done: the slot is free before the caller finishes sending
        return c;
    }

    /** Seconds of audio produced so far; after the last chunk, the run's duration. */
    public double seconds() {
        return pcm == null ? 0 : pcm.seconds(bytes);
    }

    /** The run's PCM format: the first engine's rate; null before its first audio. */
    public PcmFormat pcmFormat() {
        return pcm;
    }

    /** Every byte handed out so far, when the script keeps audio; empty otherwise. */
    public byte[] keptAudio() {
        return kept.toByteArray();
    }

    /** Cancels what is left (engine work, waiting) and gives the slot back. Idempotent; any thread. */
    @Override
    public void close() {
        closed = true;
        EngineSegment s = current;
        if (s != null) s.close();
        ticket.close();
        trace.end(seconds());
    }

    /** Handles one engine event, or moves on to the next segment; may add chunks to {@link #ready}. */
    private void step() throws InterruptedException {
        EngineSegment s = current;
        if (s == null) {
            advance();
            return;
        }
        SpeechEvents.Event e = s.next();
        if (closed) throw new CancellationException("the run was closed");
        if (e instanceof SpeechEvents.Started st) {
            if (pcm == null) pcm = st.format();
            if (encoder == null && script.format() != null) encoder = AudioEncoder.create(pcm.sampleRate(), script.format());
            s.started(st.format(), pcm);
        } else if (e instanceof SpeechEvents.Words w) {
            s.tracker.add(w.words());
        } else if (e instanceof SpeechEvents.Audio a) {
            if (s.engineFormat == null) throw new SpeechException.Failed("the engine sent audio before its format", null, false);
            add(s.toRunRate(a.pcm()));
        } else if (e instanceof SpeechEvents.Ended) {
            if (s.engineFormat != null) add(s.tail());
            double segmentSeconds = seconds() - s.startSeconds;
            settle(s, s.tracker.next(Math.max(0, segmentSeconds), true));
            spans.add(new SpeechChunk.SegmentSpan(s.index, round(s.startSeconds), round(seconds())));
            s.close();
            current = null;
        } else if (e instanceof SpeechEvents.Failed f) {
            EngineException x = f.error();
            throw new SpeechException.Failed(x.getMessage(), x, x.retryable());
        }
    }

    /** Opens the next segment (a pause, silent characters or an engine), or ends the run after the last one. */
    private void advance() {
        if (nextSegment == script.segments().size()) {
            byte[] tail = encoder == null ? new byte[0] : encoder.finish();
            emit(tail, true);
            finished = true;
            return;
        }
        int index = nextSegment++;
        SpeechScript.Segment segment = script.segments().get(index);
        if (segment.pauseSeconds() > 0 && pcm != null) {
            add(new byte[2 * (int) Math.round(segment.pauseSeconds() * pcm.sampleRate())]);
        }
        if (segment.isSilent()) {
            CharacterAlignment a = silent(segment.text().original(), round(seconds()));
            pendingAlignment = CharacterAlignment.concat(pendingAlignment, a);
            pendingNormalized = CharacterAlignment.concat(pendingNormalized, a);
            return;
        }
        EngineSegment s;
        try (io.opentelemetry.context.Scope ignored = trace.current()) { // the engine's own calls are this run's children
            s = new EngineSegment(index, segment, seconds());
        }
        current = s;
        if (closed) {
            s.close();
            throw new CancellationException("the run was closed");
        }
    }

    /**
     * Appends PCM at the run's rate. Encoded, it goes in slices that become chunks as soon as the encoder yields bytes
     * (an engine's sentence is out after one slice's encoding, not the whole sentence's); raw, each piece of the
     * engine's is one chunk.
     */
    private void add(byte[] audio) {
        if (encoder == null) {
            bytes += audio.length;
            if (audio.length > 0) emit(audio, false);
            return;
        }
        int slice = Math.max(2, pcm.bytesPerSecond() / 1000 * SLICE_MS) & ~1;
        for (int off = 0; off < audio.length; off += slice) {
            int len = Math.min(slice, audio.length - off);
            bytes += len;
            byte[] out = encoder.encode(audio, off, len);
            if (out.length > 0) emit(out, false);
        }
    }

    private void emit(byte[] audio, boolean last) {
        EngineSegment s = current;
        if (s != null && !last) settle(s, s.tracker.next(seconds() - s.startSeconds, false));
        SpeechChunk c = new SpeechChunk(audio, pendingAlignment, pendingNormalized, List.copyOf(spans), last);
        pendingAlignment = null;
        pendingNormalized = null;
        spans.clear();
        ready.add(new Ready(c, seconds()));
    }

    /** Adds the characters {@code s} settled, moved to the segment's place in the run. */
    private void settle(EngineSegment s, AlignmentTracker.Chunk c) {
        pendingAlignment = CharacterAlignment.concat(pendingAlignment, shifted(c.alignment(), s.startSeconds));
        pendingNormalized = CharacterAlignment.concat(pendingNormalized, shifted(c.normalizedAlignment(), s.startSeconds));
    }

    /** Characters aligned at {@code seconds} with no duration; null for none. */
    private static CharacterAlignment silent(String text, double seconds) {
        if (text.isEmpty()) return null;
        List<String> chars = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) chars.add(String.valueOf(text.charAt(i)));
        List<Double> times = java.util.Collections.nCopies(text.length(), seconds);
        return new CharacterAlignment(chars, times, times);
    }

    private static CharacterAlignment shifted(CharacterAlignment a, double seconds) {
        return a == null || seconds == 0 ? a : a.shifted(seconds);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
