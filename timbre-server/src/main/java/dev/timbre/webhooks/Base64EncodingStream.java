package dev.timbre.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Reads {@code source} as standard Base64 text (with padding, no line breaks), encoding as it goes: memory stays at
 * one 48 KiB block whatever the source's size. Closing it closes the source. Not thread-safe.
 */
public final class Base64EncodingStream extends InputStream {
    private static final int BLOCK = 3 * 16 * 1024; // a multiple of 3: the blocks' encodings concatenate without padding

    private final InputStream source;
    private byte[] encoded = new byte[0];
    private int pos;
    private boolean done;

    public Base64EncodingStream(InputStream source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) return -1;
        return encoded[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, encoded.length - pos);
        System.arraycopy(encoded, pos, b, off, n);
        pos += n;
        return n;
    }

    /** True when encoded bytes are ready. */
    private boolean fill() throws IOException {
        while (pos == encoded.length) {
            if (done) return false;
            byte[] block = source.readNBytes(BLOCK);
            done = block.length < BLOCK;
            encoded = Base64.getEncoder().encode(block);
            pos = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
