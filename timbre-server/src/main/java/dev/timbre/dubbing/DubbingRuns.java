package dev.timbre.dubbing;

/**
 * Where dubs run: {@link #submit} a stored dub to run (or resume) its pipeline in the background. The seam for a
 * durable job runner (db-scheduler): everything a run needs is in the database and the blob store, keyed by the id.
 * Implementations are thread-safe.
 */
public interface DubbingRuns extends AutoCloseable {
    /** Queues the dub's pipeline unless it is queued or running already; refuses when the queue is full. */
    void submit(String dubbingId) throws Busy;

    /** Stops the dub's run if it has one (deleting a dub); its stored work stays for the caller to delete. */
    void cancel(String dubbingId);

    @Override
    void close();

    /** Too many dubs waiting. */
    final class Busy extends Exception {
        public Busy(String message) {
            super(message);
        }
    }
}
