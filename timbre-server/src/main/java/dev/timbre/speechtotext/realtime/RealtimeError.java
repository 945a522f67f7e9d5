package dev.timbre.speechtotext.realtime;

/**
 * A failure reported to the client as {@code {"message_type": type, "error": error}}. A fatal one closes the socket
 * with {@code closeCode}; any other leaves the session usable.
 */
final class RealtimeError extends RuntimeException {
    final String type;
    final boolean fatal;
    final int closeCode;

    private RealtimeError(String type, String error, boolean fatal, int closeCode) {
        super(error);
        this.type = type;
        this.fatal = fatal;
        this.closeCode = closeCode;
    }

    /** A bad message: reported, the session goes on. */
    static RealtimeError input(String error) {
        return new RealtimeError("input_error", error, false, 0);
    }

    static RealtimeError chunkTooLarge(String error) {
        return new RealtimeError("chunk_size_exceeded", error, false, 0);
    }

    /** Closes the socket: {@code type} is one of the SDK's error message types. */
    static RealtimeError fatal(String type, String error, int closeCode) {
        return new RealtimeError(type, error, true, closeCode);
    }
}
