package dev.timbre.storage;

import dev.timbre.config.StorageSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's blob store as configured: files under the data folder, or an S3-compatible bucket. */
public final class BlobStores {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStores.class);
    /**
     * How long before this node's start a blob must have been written for an orphan sweep on a shared (S3) store to
     * take it: another node may be between writing a blob and inserting its row right now.
     */
    static final Duration SHARED_SWEEP_GRACE = Duration.ofHours(1);

    private BlobStores() {}

    /**
     * Opens the store {@code settings} name; the file store first deletes the parts of writes a crash cut short. An S3
     * store lives as long as the process (its client's connections close with it).
     */
    public static BlobStore open(StorageSettings settings, Path dataDir) throws IOException {
        if (settings.blobStore().equals("s3")) {
            S3BlobStore s3 = S3BlobStore.open(settings.s3());
            LOG.info("blobs in the S3-compatible store {} ({})", s3, settings.s3());
            return s3;
        }
        FileSystemBlobStore files = new FileSystemBlobStore(dataDir.resolve("blobs"));
        int removed = files.removeStaleParts();
        if (removed > 0) LOG.warn("removed {} partly written blobs left by the last stop", removed);
        return files;
    }

    /** Blobs written before this are the orphan sweep's to judge: the node's start, less a grace on a shared store. */
    public static Instant sweepCutoff(BlobStore store, Instant started) {
        return store instanceof FileSystemBlobStore ? started : started.minus(SHARED_SWEEP_GRACE);
    }
}
