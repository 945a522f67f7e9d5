package dev.timbre.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores audio and other large files under readable keys such as {@code history/{id}.mp3}. Keys are relative
 * paths of safe segments ({@code [A-Za-z0-9._-]}, no {@code ..}). Writes are atomic: a reader sees either nothing
 * or the whole blob. Implementations are thread-safe.
 */
public interface BlobStore {
    /** The suffix of a write in progress; no key's last segment may end with it. */
    String PART_SUFFIX = ".part";

    void put(String key, byte[] data) throws IOException;

    /**
     * Stores what {@code data} yields up to its end, without holding the whole blob in memory (the file store writes
     * through; S3 uploads in parts). The caller closes {@code data}. Atomic like {@link #put(String, byte[])}: a
     * failure part-way leaves the key as it was.
     */
    void put(String key, InputStream data) throws IOException;

    Optional<byte[]> get(String key) throws IOException;

    /** Opens a stream the caller must close; empty when there is no such blob. */
    Optional<InputStream> open(String key) throws IOException;

    boolean exists(String key);

    /** Deletes the blob if present; returns whether it was there. */
    boolean delete(String key) throws IOException;

    /** Keys of the whole blobs last written before {@code cutoff}, in no particular order (orphan sweeps). */
    List<String> keysWrittenBefore(Instant cutoff) throws IOException;

    /** Rejects keys that could escape the store or are not plain relative paths. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || key.startsWith("/")) {
            throw new IllegalArgumentException("bad blob key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !segment.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("bad blob key: " + key);
            }
        }
        if (key.endsWith(PART_SUFFIX)) throw new IllegalArgumentException("bad blob key (reserved suffix): " + key);
        return key;
    }
}
