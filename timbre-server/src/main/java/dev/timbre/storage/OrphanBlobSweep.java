package dev.timbre.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blobs that no row refers to: what a crash left between a blob's write and its row's insert, or between a
 * row's delete and its blob's. Only blobs last written before {@code writtenBefore} (the start of this process; an hour before it on a shared store) are
 * looked at, so a write of this process whose row is not inserted yet is never taken. Each key prefix names its
 * owner, a predicate that says whether a stored item still refers to the key; keys of no owner (caches such as
 * {@code previews/}) are left alone, and a key whose owner throws is kept. Runs on the caller's thread.
 */
public final class OrphanBlobSweep {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanBlobSweep.class);

    private OrphanBlobSweep() {}

    /** Returns how many blobs it deleted. */
    public static int run(BlobStore store, Instant writtenBefore, Map<String, Predicate<String>> owners) throws IOException {
        int deleted = 0;
        for (String key : store.keysWrittenBefore(writtenBefore)) {
            Predicate<String> owner = owners.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (owner == null) continue;
            boolean referenced;
            try {
                referenced = owner.test(key);
            } catch (RuntimeException e) {
                LOG.debug("kept blob {}: its owner could not tell ({})", key, e.toString());
                continue;
            }
            if (!referenced && store.delete(key)) deleted++;
        }
        if (deleted > 0) LOG.warn("deleted {} blobs no stored item refers to (left by an earlier stop)", deleted);
        return deleted;
    }
}
