package dev.timbre.audio;

/**
 * An upload that {@link UploadDecoder} cannot turn into PCM. The {@link Kind} tells the HTTP layer which status to
 * answer with ({@link Kind#httpStatus}). Extends IllegalArgumentException so callers that already treat that as
 * "not audio" keep working.
 */
public final class AudioFormatException extends IllegalArgumentException {
    public enum Kind {
        /** No bytes at all. */
        EMPTY(400, "empty_file"),
        /** Recognised container, but the data is truncated or damaged, or holds no audio. */
        CORRUPT(422, "invalid_audio"),
        /** A format this server cannot decode (e.g. mp4/webm without ffmpeg installed). */
        UNSUPPORTED(415, "unsupported_audio_format"),
        /** More input bytes than the decoder accepts. */
        TOO_LARGE(413, "file_too_large"),
        /** Decodes to more audio than the decoder accepts. */
        TOO_LONG(413, "audio_too_long"),
        /** Decoding passed its deadline ({@link DecodeLimits#timeout()}). */
        TIMEOUT(422, "decode_timeout"),
        /** Every decode slot stayed busy for the whole wait ({@link DecodeLimits#queueWait()}). */
        BUSY(429, "too_many_concurrent_requests");

        /** Suggested HTTP status. */
        public final int httpStatus;
        /** Suggested machine-readable error code for the API's error body. */
        public final String code;

        Kind(int httpStatus, String code) {
            this.httpStatus = httpStatus;
            this.code = code;
        }
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

    public String code() { return kind.code; }

    static AudioFormatException corrupt(String message) { return new AudioFormatException(Kind.CORRUPT, message); }

    static AudioFormatException corrupt(String message, Throwable cause) { return new AudioFormatException(Kind.CORRUPT, message, cause); }

    /**
     * Runs a decode through a codec library: the unchecked failures those libraries throw on damaged input
     * (runtime exceptions, a stack overflow, Concentus's {@link AssertionError}) become a corrupt-audio refusal whose
     * message starts with {@code what}; an AudioFormatException passes as it is.
     */
    static <T> T fromCodec(String what, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (AudioFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            throw corrupt(what + ": " + e, e);
        }
    }

    static AudioFormatException unsupported(String message) { return new AudioFormatException(Kind.UNSUPPORTED, message); }
}
