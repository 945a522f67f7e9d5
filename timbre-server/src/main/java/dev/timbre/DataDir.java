package dev.timbre;

import dev.timbre.common.OwnerOnly;
import dev.timbre.common.WorkerPools;
import dev.timbre.storage.BlobStore;
import dev.timbre.storage.BlobStores;
import dev.timbre.storage.OrphanBlobSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up care of the data dir (database, blobs, keys): it is owner-only ({@code rwx------}) where the file system
 * has POSIX permissions, and what a crash left half-written is removed before anything is served. Runs on the
 * starting thread, before the server accepts requests, except the orphan sweep, which runs on its own thread.
 */
final class DataDir {
    private static final Logger LOG = LoggerFactory.getLogger(DataDir.class);
    /** The sticky bit of {@code unix:mode}: a shared folder such as /tmp, never narrowed. */
    private static final int STICKY = 01000;

    private DataDir() {}

    /**
     * Creates the data dir owner-only. An existing one this user owns is narrowed to owner-only (older versions made
     * it world-readable); one owned by someone else, or a shared sticky folder, is left as it is with a warning.
     */
    static void prepare(Path dataDir) throws IOException {
        boolean existed = Files.isDirectory(dataDir);
        OwnerOnly.createDirectories(dataDir);
        if (!existed || !OwnerOnly.openToOthers(dataDir)) return;
        if (ownedByUs(dataDir) && !sticky(dataDir)) {
            OwnerOnly.restrict(dataDir, false);
            LOG.info("data dir {} made owner-only (rwx------)", dataDir.toAbsolutePath());
        } else {
            LOG.warn("data dir {} is readable by other users; keep Timbre's data in a folder only its user can open",
                    dataDir.toAbsolutePath());
        }
    }

    /**
     * Starts a daemon thread {@code blob-sweep} that deletes the blobs written before {@code started} (an hour before it on a shared store) that no stored
     * item refers to ({@link OrphanBlobSweep}); it ends by itself, and a failure (the database closing first) is only
     * logged: the next start sweeps again.
     */
    static void sweepOrphanBlobs(BlobStore blobs, Instant started, Map<String, Predicate<String>> owners) {
        WorkerPools.daemon("blob-sweep").newThread(() -> {
            try {
                OrphanBlobSweep.run(blobs, BlobStores.sweepCutoff(blobs, started), owners);
            } catch (IOException | RuntimeException e) {
                LOG.info("orphan blob sweep stopped: {}", e.toString());
            }
        }).start();
    }

    private static boolean ownedByUs(Path dir) {
        try {
            return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean sticky(Path dir) {
        try {
            return (((Integer) Files.getAttribute(dir, "unix:mode")) & STICKY) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true; // unknown: treat as shared and leave it alone
        }
    }
}
