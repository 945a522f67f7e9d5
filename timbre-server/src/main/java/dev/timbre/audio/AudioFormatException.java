package dev.timbre.audio;

/**
 * An upload that {@link UploadDecoder} cannot turn into PCM. The {@link Kind} tells the HTTP layer which status to
 * answer with ({@link Kind#httpStatus}). Extends IllegalArgumentException so callers that already treat that as
 * "not audio" keep working.
 */
public final class AudioFormatException extends IllegalArgumentException {
    public enum Kind {
        /** No bytes at all. */
        EMPTY(400),
        /** Recognised container, but the data is truncated or damaged, or holds no audio. */
        CORRUPT(422),
        /** A format this server cannot decode (e.g. mp4/webm without ffmpeg installed). */
        UNSUPPORTED(415),
        /** More input bytes than the decoder accepts. */
        TOO_LARGE(413),
        /** Decodes to more audio than the decoder accepts. */
        TOO_LONG(413);

        public final int httpStatus;

        Kind(int httpStatus) { this.httpStatus = httpStatus; }
    }

    private final Kind kind;

    public AudioFormatException(Kind kind, String message) {
        this(kind, message, null);
    }

    public AudioFormatException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    public int httpStatus() { return kind.httpStatus; }
}
