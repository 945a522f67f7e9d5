package dev.timbre.engine.embeddings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL's switches, set as system properties before any DJL class loads: no usage tracking, no downloads, and its cache
 * (where the tokenizer's native library is extracted) under {@code cacheDir} unless the operator set one.
 */
final class DjlOffline {
    private DjlOffline() {}

    static synchronized void configure(Path cacheDir) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            try {
                Files.createDirectories(cacheDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
        }
    }
}
