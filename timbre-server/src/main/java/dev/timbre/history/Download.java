package dev.timbre.history;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file to send: one item's audio, or a zip of several, written to the response as it is read from storage (at most
 * one item is held in memory, and only when it is transcoded to WAV).
 */
public record Download(String contentType, String fileName, Body body) {

    /** Writes the file. Called once, on the request thread; the caller owns {@code out} and closes it. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
