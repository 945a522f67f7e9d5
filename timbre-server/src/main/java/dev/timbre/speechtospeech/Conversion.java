package dev.timbre.speechtospeech;

/**
 * One running voice conversion, pulled piece by piece in the output format: {@link #next} blocks until the next piece
 * is made and returns null at the end. The caller closes it (which frees its slot and, for a forwarded request, the
 * connection). One thread.
 */
interface Conversion extends AutoCloseable {
    String contentType();

    /** The id of the history item the finished audio is stored as, or null when it is not stored. */
    String historyItemId();

    byte[] next() throws InterruptedException;

    @Override
    void close();
}
