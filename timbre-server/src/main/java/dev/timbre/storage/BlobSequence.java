package dev.timbre.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * Blobs read back to back as one stream, each opened only when the previous one is used up (one open at a time, never
 * a whole blob in memory): a call's recording parts, a project's chapter audio. A key with no blob either ends the
 * stream ({@code stopAtMissing}: numbered parts, where a gap is the end) or is skipped. Not thread-safe; the reader
 * closes it (which closes the blob open then).
 */
public final class BlobSequence extends InputStream {
    private final BlobStore blobs;
    private final Iterator<String> keys;
    private final boolean stopAtMissing;
    private InputStream current;

    private BlobSequence(BlobStore blobs, InputStream first, Iterator<String> keys, boolean stopAtMissing) {
        this.blobs = blobs;
        this.current = first;
        this.keys = keys;
        this.stopAtMissing = stopAtMissing;
    }

    /** The blobs of {@code keys} in order; empty when no blob is there before the stream would end. */
    public static Optional<InputStream> open(BlobStore blobs, Iterator<String> keys, boolean stopAtMissing) throws IOException {
        InputStream first = next(blobs, keys, stopAtMissing);
        return first == null ? Optional.empty() : Optional.of(new BlobSequence(blobs, first, keys, stopAtMissing));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current != null) {
            int n = current.read(b, off, len);
            if (n > 0) return n;
            if (n == 0) continue;
            current.close();
            current = next(blobs, keys, stopAtMissing);
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (current != null) current.close();
        current = null;
    }

    /** The next key's blob opened; null at the end (no key left, or a missing one with {@code stopAtMissing}). */
    private static InputStream next(BlobStore blobs, Iterator<String> keys, boolean stopAtMissing) throws IOException {
        while (keys.hasNext()) {
            Optional<InputStream> in = blobs.open(keys.next());
            if (in.isPresent()) return in.get();
            if (stopAtMissing) return null;
        }
        return null;
    }
}
