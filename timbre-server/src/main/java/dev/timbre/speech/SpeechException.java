package dev.timbre.speech;

/**
 * Why a synthesis could not be done, in the speech layer's terms (no HTTP here): the edge maps each kind to its
 * response ({@code dev.timbre.http.SpeechErrors}).
 */
public abstract sealed class SpeechException extends RuntimeException
        permits SpeechException.Busy, SpeechException.Refused, SpeechException.Failed {

    SpeechException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The scheduler is full: every slot is taken and {@code queue} runs already wait. Retry shortly. */
    public static final class Busy extends SpeechException {
        private final int queue;

        Busy(int queue) {
            super("The server is synthesising as much as it can and " + queue + " requests are already waiting. Retry shortly.", null);
            this.queue = queue;
        }

        public int queue() { return queue; }
    }

    /**
     * An engine refused a segment's text or settings as soon as it was asked (malformed SSML, an unknown engine
     * voice, …): the same request will fail again. {@code segment} is the index in the script.
     */
    public static final class Refused extends SpeechException {
        private final int segment;

        Refused(int segment, String reason, Throwable cause) {
            super(reason, cause);
            this.segment = segment;
        }

        public int segment() { return segment; }
    }

    /** An engine failed or stalled during the synthesis; {@code retryable} as the engine reported it. */
    public static final class Failed extends SpeechException {
        private final boolean retryable;

        Failed(String reason, Throwable cause, boolean retryable) {
            super(reason, cause);
            this.retryable = retryable;
        }

        public boolean retryable() { return retryable; }
    }
}
