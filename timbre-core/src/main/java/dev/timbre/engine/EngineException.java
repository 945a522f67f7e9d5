package dev.timbre.engine;

/** An engine failed to do its work. {@code retryable} says whether the same request may succeed later. */
public class EngineException extends RuntimeException {
    private final boolean retryable;

    public EngineException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public EngineException(String message) {
        this(message, null, false);
    }

    public boolean retryable() { return retryable; }
}
