package dev.timbre.speech;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * Shares the engines between runs a chunk at a time. A run holds one of {@code slots} while it pulls its next chunk
 * (the engine works for it); between chunks it keeps the slot unless it yields. A streamed run that has sent audio
 * and is more than {@link #LEAD_SECONDS} ahead of its listener yields while any run still waits for its first audio:
 * it gives its slot back and pauses (its engine stops once its bounded queue is full) until no run is starting or
 * its listener is about to run out, then takes a slot again. Slots go to waiting runs earliest deadline first: a
 * new run's deadline is its arrival (its listener is already waiting), a paused run's the moment its listener runs
 * out. Runs for whole files ({@code streamed} false) neither yield nor count as starting.
 *
 * <p>Bounded: at most {@code queue} admitted runs may be without a slot; a new run beyond that is refused at once
 * with {@link SpeechException.Busy}, so no request waits unboundedly. Thread-safe (one monitor); one per server.
 */
public final class SpeechScheduler {
    /**
     * A streamed run more than this ahead of its listener yields to starting runs: about the time an engine needs for
     * its next 100 ms, so the run is back before its listener runs dry (when no run waits longer than that).
     */
    static final double LEAD_SECONDS = 0.05;

    private final int queue;
    private final LongSupplier nanos;
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(
            Comparator.comparingLong((Ticket t) -> t.deadline).thenComparingLong(t -> t.order));
    private int free;
    private int open, holding, starting;
    private long orders;

    /**
     * @param slots chunks synthesised at once (at least 1)
     * @param queue admitted runs that may be without a slot; one more is refused
     */
    public SpeechScheduler(int slots, int queue) {
        this(slots, queue, System::nanoTime);
    }

    SpeechScheduler(int slots, int queue, LongSupplier nanos) {
        if (slots < 1 || queue < 0) throw new IllegalArgumentException("need at least one slot and a queue of 0 or more");
        this.free = slots;
        this.queue = queue;
        this.nanos = nanos;
    }

    /**
     * Admits a new run and takes its first slot, waiting behind earlier deadlines.
     *
     * @throws SpeechException.Busy when the queue is full
     */
    synchronized Ticket admit(boolean streamed) throws InterruptedException {
        boolean now = free > 0 && waiting.isEmpty();
        if (!now && open - holding >= queue) throw new SpeechException.Busy(queue);
        Ticket t = new Ticket(streamed);
        open++;
        if (streamed) starting++;
        try {
            t.acquire(nanos.getAsLong());
        } catch (InterruptedException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    /** Admitted runs not closed yet (working, waiting or paused). */
    public synchronized int running() {
        return open;
    }

    /** Admitted runs without a slot now (waiting for one or paused). */
    public synchronized int waiting() {
        return open - holding;
    }

    /** Runs queued for a slot now (not counting paused runs). */
    synchronized int queued() {
        return waiting.size();
    }

    /** Admitted streamed runs that have not sent audio yet. */
    synchronized int starting() {
        return starting;
    }

    private void grant() {
        while (free > 0 && !waiting.isEmpty()) {
            Ticket t = waiting.poll();
            t.holds = true;
            free--;
            holding++;
        }
        notifyAll();
    }

    /** One run's place with the scheduler. Used by the run's pulling thread; {@link #close} from any thread. */
    final class Ticket implements AutoCloseable {
        private final boolean streamed;
        private boolean holds, closed, isStarting;
        private long deadline, order;
        private boolean sentAny;
        private long firstAudioNanos;
        private double secondsOut;

        private Ticket(boolean streamed) {
            this.streamed = streamed;
            this.isStarting = streamed;
        }

        /** The run handed out a chunk; {@code seconds} of audio are out in all. The first such call ends its start. */
        void sent(double seconds) {
            synchronized (SpeechScheduler.this) {
                if (!sentAny) {
                    sentAny = true;
                    firstAudioNanos = nanos.getAsLong();
                }
                secondsOut = seconds;
                if (isStarting) {
                    isStarting = false;
                    starting--;
                    SpeechScheduler.this.notifyAll();
                }
            }
        }

        /**
         * Before the run pulls its next chunk: yields if it should (see {@link SpeechScheduler}), then makes sure it
         * holds a slot.
         *
         * @throws CancellationException when the run was closed meanwhile
         */
        void beforeChunk() throws InterruptedException {
            synchronized (SpeechScheduler.this) {
                if (closed) throw new CancellationException("the run was closed");
                long runsOut = firstAudioNanos + (long) (secondsOut * 1e9);
                long resume = runsOut - (long) (LEAD_SECONDS * 1e9);
                if (streamed && !isStarting && starting > 0 && resume > nanos.getAsLong()) {
                    release();
                    long left;
                    while (!closed && starting > 0 && (left = resume - nanos.getAsLong()) > 0) {
                        SpeechScheduler.this.wait(Math.max(1, left / 1_000_000));
                    }
                }
                if (!holds) acquire(streamed && !isStarting ? runsOut : nanos.getAsLong());
            }
        }

        /** Takes a slot, waiting in deadline order; holds the scheduler's monitor. */
        private void acquire(long deadline) throws InterruptedException {
            if (closed) throw new CancellationException("the run was closed");
            if (free > 0 && waiting.isEmpty()) {
                holds = true;
                free--;
                holding++;
                return;
            }
            this.deadline = deadline;
            this.order = orders++;
            waiting.add(this);
            try {
                while (!holds && !closed) SpeechScheduler.this.wait();
            } finally {
                if (!holds) waiting.remove(this);
            }
            if (closed) throw new CancellationException("the run was closed");
        }

        private void release() {
            if (!holds) return;
            holds = false;
            free++;
            holding--;
            grant();
        }

        /** The run is over: its slot, its place and its start are given up. Idempotent. */
        @Override
        public void close() {
            synchronized (SpeechScheduler.this) {
                if (closed) return;
                closed = true;
                waiting.remove(this);
                if (isStarting) {
                    isStarting = false;
                    starting--;
                }
                open--;
                if (holds) release();
                else SpeechScheduler.this.notifyAll();
            }
        }
    }
}
