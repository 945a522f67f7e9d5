package dev.timbre.convai.conversations;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.common.WorkerPools;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording of a running call, in the blob store while it runs, so that any node can serve it: every
 * {@link #INTERVAL_MS} of the call the audio completed so far (up to {@link #SLACK_MS} before the latest user audio)
 * is encoded by the call's own MP3 encoder and stored as the next part, {@link LiveParts#key}. The parts, concatenated
 * in order, are one MP3 stream of the call so far ({@link LiveParts#open}). When the call ends the final recording is
 * stored as before and the parts are deleted ({@link #finish}).
 *
 * <p>Threading: {@link #offer} is called by the session loop and never blocks on I/O: it copies at most
 * {@link #MAX_PART_SECONDS} of PCM and hands it to a bounded writer (2 daemon threads, {@link #QUEUE} parts queued);
 * one part per call is in flight at a time, so a call's parts are written in order by one encoder. When the queue is
 * full the audio waits for the next offer (a call's recording already bounds it). A part that fails to store ends the
 * call's live parts (those stored stay a valid prefix). Bounded: a call has at most {@link LiveParts#MAX_PARTS} parts;
 * state is kept only for calls running on this node; queued PCM at most {@link #QUEUE} × {@link #MAX_PART_SECONDS} s
 * (30 MB). {@link #close} stops the writer (parts still queued are dropped; the final recordings are stored as usual).
 */
public final class LiveRecordings {
    public static final long INTERVAL_MS = 5_000;
    static final long SLACK_MS = 1_000;
    static final int MAX_PART_SECONDS = 15;
    static final int QUEUE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(LiveRecordings.class);

    private final LiveParts parts;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final ExecutorService writer = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
            WorkerPools.daemon("live-recording"), new ThreadPoolExecutor.AbortPolicy());

    public LiveRecordings(BlobStore blobs) {
        this.parts = new LiveParts(blobs);
        ((ThreadPoolExecutor) writer).allowCoreThreadTimeOut(true);
    }

    public LiveParts parts() { return parts; }

    /** The session loop's offer after user audio at {@code atMillis} of the call: stores the next part when one is due. */
    public void offer(String conversationId, CallRecording recording, long atMillis) {
        if (recording.isFinished()) return;
        calls.computeIfAbsent(conversationId, Call::new).offer(recording, atMillis);
    }

    /** The call ended (its final recording stored, or dropped): no more parts; those stored are deleted. */
    public void finish(String conversationId) {
        Call call = calls.remove(conversationId);
        int written = call == null ? 0 : call.close();
        try {
            parts.delete(conversationId, written);
        } catch (IOException e) {
            LOG.warn("could not delete the live parts of conversation {}: {}", conversationId, e.toString());
        }
    }

    /** Stops the writer: waits up to 5 s for the part being stored, drops the queued ones. Later offers store nothing. */
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One running call's parts; its fields are guarded by {@code this}. */
    private final class Call {
        private final String id;
        private final AudioEncoder encoder = AudioEncoder.create(CallRecording.SAMPLE_RATE, ConversationAudio.FORMAT);
        private long flushed;
        private long lastAt;
        private int next;
        private int written;
        private boolean inFlight;
        private boolean closed;

        Call(String id) { this.id = id; }

        synchronized void offer(CallRecording recording, long atMillis) {
            if (recording.isFinished()) { // created after finish() (a late offer): forget it
                closed = true;
                calls.remove(id, this);
                return;
            }
            if (closed || inFlight || next >= LiveParts.MAX_PARTS || atMillis - lastAt < INTERVAL_MS) return;
            long upTo = Math.min(Math.max(0, atMillis - SLACK_MS) * (CallRecording.SAMPLE_RATE / 1000),
                    flushed + (long) MAX_PART_SECONDS * CallRecording.SAMPLE_RATE);
            byte[] pcm = recording.pcm(flushed, upTo);
            if (pcm.length == 0) return;
            int seq = next;
            try {
                writer.execute(() -> write(seq, pcm));
            } catch (RejectedExecutionException full) {
                return; // the next offer tries again with more audio
            }
            inFlight = true;
            flushed += pcm.length / 2;
            lastAt = atMillis;
            next++;
        }

        /** On the writer: encodes (this call's encoder, one part at a time) and stores part {@code seq}. */
        private void write(int seq, byte[] pcm) {
            boolean ok = false;
            try {
                parts.put(id, seq, encoder.encode(pcm));
                ok = true;
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not store live part {} of conversation {}: {}", seq, id, e.toString());
            }
            boolean late;
            synchronized (this) {
                inFlight = false;
                if (ok) written = seq + 1;
                else closed = true;
                late = closed && ok; // closed by close(): the call ended while this part was being stored
            }
            if (late) parts.deleteQuietly(id, seq);
        }

        /** Stops the parts; returns how many are stored (one still in flight deletes itself). */
        synchronized int close() {
            closed = true;
            return written;
        }
    }
}
