package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanBlobSweepTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    void put(FileSystemBlobStore store, String key, Instant written) throws Exception {
        store.put(key, new byte[] {1});
        Files.setLastModifiedTime(dir.resolve(key), FileTime.from(written));
    }

    @Test
    void deletes_old_unreferenced_blobs_of_known_owners_only() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        Instant before = START.minusSeconds(60);
        put(store, "history/kept.mp3", before);
        put(store, "history/orphan.mp3", before);
        put(store, "history/new.mp3", START.plusSeconds(1)); // this process's write, its row maybe not inserted yet
        put(store, "previews/v1.mp3", before); // a cache: no owner
        put(store, "stt-jobs/broken", before);
        Set<String> rows = Set.of("history/kept.mp3");

        int deleted = OrphanBlobSweep.run(store, START, Map.of("history/", rows::contains,
                "stt-jobs/", key -> { throw new IllegalStateException("database closed"); }));

        assertThat(deleted).isEqualTo(1);
        assertThat(store.exists("history/orphan.mp3")).isFalse();
        assertThat(store.exists("history/kept.mp3")).isTrue();
        assertThat(store.exists("history/new.mp3")).isTrue();
        assertThat(store.exists("previews/v1.mp3")).isTrue();
        assertThat(store.exists("stt-jobs/broken")).as("kept when the owner cannot tell").isTrue();
    }
}
