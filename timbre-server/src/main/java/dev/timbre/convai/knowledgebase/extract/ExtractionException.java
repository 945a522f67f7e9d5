package dev.timbre.convai.knowledgebase.extract;

/**
 * A source that cannot become a document. {@link Kind} says why, so the HTTP layer can pick the status: an
 * unsupported type, an unreadable (corrupt, encrypted) file, content over a bound, or no text at all.
 */
public final class ExtractionException extends Exception {
    public enum Kind { UNSUPPORTED, UNREADABLE, TOO_LARGE, EMPTY }

    private final Kind kind;

    public ExtractionException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
