package dev.timbre.convai.conversation.speech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One synthesis that several readers share ({@link SharedUtterances}): the reader that asked first leads (pulls the
 * run and records each chunk), the others follow (read the recorded chunks, waiting for the next one). A leader that
 * is cancelled while others still read goes on pulling for them without handing anything to its own reader; once no
 * one else reads, the run is cancelled. When complete, the recording can be replayed by any number of readers.
 *
 * <p>Thread-safe: state under this object's lock; the run is pulled on the leader's thread only. {@code ended} is
 * told once — complete, failed, or given up — without the lock held.
 */
final class UtteranceRecording {
    private final List<SpeechChunk> chunks = new ArrayList<>();
    private final Consumer<UtteranceRecording> ended;
    private SpeechRun run;
    private PcmFormat format;
    private long bytes;
    private int readers = 1; // the leader
    private boolean shared, complete, abandoned, told;
    private Exception failure;

    UtteranceRecording(Consumer<UtteranceRecording> ended) {
        this.ended = ended;
    }

    /** Opens the synthesis for the first reader; a failure to open fails the followers too and is thrown. */
    UtteranceSource lead(UtteranceSource.Opener opener) throws InterruptedException {
        try {
            SpeechRun r = opener.open();
            synchronized (this) {
                run = r;
            }
            return new Leader(r);
        } catch (InterruptedException | RuntimeException e) {
            fail(e);
            throw e;
        }
    }

    /** Another reader while the synthesis runs; false once it is over (complete, failed or given up). */
    synchronized boolean join() {
        if (complete || failure != null || abandoned) return false;
        readers++;
        shared = true;
        return true;
    }

    /** A reader from the first chunk: after {@link #join}, or of a complete recording. */
    UtteranceSource follower(boolean joined) {
        return new Follower(joined);
    }

    synchronized boolean complete() { return complete; }

    /** Whether another reader read along while the synthesis ran. */
    synchronized boolean sharedLive() { return shared; }

    /** PCM bytes recorded. */
    synchronized long bytes() { return bytes; }

    private void record(SpeechChunk c, PcmFormat runFormat) {
        synchronized (this) {
            if (format == null) format = runFormat;
            chunks.add(copy(c));
            bytes += c.audio().length;
            if (c.last()) complete = true;
            notifyAll();
        }
        if (c.last()) tell();
    }

    private void fail(Exception e) {
        synchronized (this) {
            if (failure == null && !complete) failure = e;
            notifyAll();
        }
        tell();
    }

    private void tell() {
        synchronized (this) {
            if (told) return;
            told = true;
        }
        ended.accept(this);
    }

    private static SpeechChunk copy(SpeechChunk c) {
        return new SpeechChunk(c.audio().clone(), c.alignment(), c.normalizedAlignment(), c.finished(), c.last());
    }

    /** The first reader: pulls the run (on its own thread). */
    private final class Leader implements UtteranceSource {
        private final SpeechRun r;
        private volatile boolean cancelled;

        Leader(SpeechRun r) {
            this.r = r;
        }

        @Override
        public SpeechChunk next() throws InterruptedException {
            if (cancelled) throw new CancellationException("the utterance was cancelled");
            return pull();
        }

        private SpeechChunk pull() throws InterruptedException {
            SpeechChunk c;
            try {
                c = r.next();
            } catch (InterruptedException | RuntimeException e) {
                fail(e);
                throw e;
            }
            if (c != null) record(c, r.pcmFormat());
            return c;
        }

        @Override
        public PcmFormat pcmFormat() { return r.pcmFormat(); }

        @Override
        public void cancel() {
            cancelled = true;
            boolean stop;
            synchronized (UtteranceRecording.this) {
                stop = readers == 1 && !complete && failure == null;
                if (stop) abandoned = true;
                UtteranceRecording.this.notifyAll();
            }
            if (stop) {
                r.close(); // no one else reads: the pull in progress ends at once
                tell();
            }
        }

        /** Pulls the rest for the readers still following, then closes the run. */
        @Override
        public void close() {
            try {
                while (true) {
                    synchronized (UtteranceRecording.this) {
                        if (complete || failure != null || abandoned) break;
                        if (readers <= 1) {
                            abandoned = true;
                            break;
                        }
                    }
                    if (pull() == null) break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // failed: recorded for the followers
            } finally {
                r.close();
                synchronized (UtteranceRecording.this) {
                    readers--;
                }
                tell();
            }
        }
    }

    /** A reader of the recorded chunks, from the first. */
    private final class Follower implements UtteranceSource {
        private final boolean joined;
        private int next;
        private boolean cancelled, left;

        Follower(boolean joined) {
            this.joined = joined;
        }

        @Override
        public SpeechChunk next() throws InterruptedException {
            synchronized (UtteranceRecording.this) {
                while (next >= chunks.size() && !complete && failure == null && !cancelled) UtteranceRecording.this.wait();
                if (cancelled) throw new CancellationException("the utterance was cancelled");
                if (next < chunks.size()) return copy(chunks.get(next++));
                if (failure instanceof RuntimeException e) throw e;
                if (failure != null) throw new IllegalStateException("the shared synthesis failed", failure);
                return null;
            }
        }

        @Override
        public PcmFormat pcmFormat() {
            synchronized (UtteranceRecording.this) {
                return format;
            }
        }

        @Override
        public void cancel() {
            synchronized (UtteranceRecording.this) {
                cancelled = true;
                UtteranceRecording.this.notifyAll();
            }
        }

        @Override
        public void close() {
            synchronized (UtteranceRecording.this) {
                if (left || !joined) return;
                left = true;
                readers--;
            }
        }
    }
}
