package dev.timbre.texttospeech;

/**
 * Lets streams that have not sent any audio yet go first. A stream that has sent audio and is more than
 * {@link #LEAD_SECONDS} ahead of real time (its listener cannot have heard it yet) waits, up to
 * {@link #MAX_WAIT_MS} per slice, while any stream is still waiting for its first audio. Under load this trades a
 * little of a running stream's lead for a new stream's time to first byte; a stream that is not ahead never waits.
 * Thread-safe; one instance per server.
 */
final class FirstAudioPriority {
    static final double LEAD_SECONDS = 0.3;
    static final long MAX_WAIT_MS = 250;

    /** No priority at all: for callers that want audio as fast as possible (whole-file responses). */
    static final FirstAudioPriority NONE = new FirstAudioPriority(false);

    private final boolean enabled;
    private int starting;

    FirstAudioPriority(boolean enabled) {
        this.enabled = enabled;
    }

    /** One stream's place in the order; closing it (at the stream's end) is required. */
    final class Stream implements AutoCloseable {
        private final long startNanos = System.nanoTime();
        private boolean waiting = true;

        /** Called after each chunk is sent; the first call ends this stream's priority. */
        void sent() {
            if (waiting) leave();
        }

        /** Waits while this stream is ahead of real time by more than the lead and a new stream is starting. */
        void yieldIfAhead(double sentSeconds) throws InterruptedException {
            if (!enabled || waiting) return;
            double lead = sentSeconds - (System.nanoTime() - startNanos) / 1e9;
            if (lead < LEAD_SECONDS) return;
            long deadline = System.nanoTime() + MAX_WAIT_MS * 1_000_000;
            synchronized (FirstAudioPriority.this) {
                long left;
                while (starting > 0 && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) FirstAudioPriority.this.wait(left);
            }
        }

        @Override
        public void close() {
            if (waiting) leave();
        }

        private void leave() {
            waiting = false;
            if (!enabled) return;
            synchronized (FirstAudioPriority.this) {
                starting--;
                FirstAudioPriority.this.notifyAll();
            }
        }
    }

    Stream open() {
        if (enabled) {
            synchronized (this) {
                starting++;
            }
        }
        return new Stream();
    }
}
