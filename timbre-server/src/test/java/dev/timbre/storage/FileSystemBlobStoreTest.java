package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path dir;

    @Override
    BlobStore store() throws Exception {
        return new FileSystemBlobStore(dir.resolve("contract-" + System.nanoTime()));
    }

    @Test
    void a_write_replaces_whole_and_leaves_no_part_file() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
        store.put("history/a.mp3", new byte[] {1, 2, 3});
        store.put("history/a.mp3", new byte[] {4, 5});
        assertThat(store.get("history/a.mp3")).contains(new byte[] {4, 5});
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void the_part_suffix_is_reserved() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        assertThatThrownBy(() -> store.put("history/x.part", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(".tmp-1.part")).isInstanceOf(IllegalArgumentException.class);
        store.put("history/x.part.mp3", new byte[1]);
        assertThat(store.exists("history/x.part.mp3")).isTrue();
    }

    @Test
    void stale_parts_are_removed_and_whole_blobs_kept() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        store.put("voices/v1/samples/s1.wav", new byte[] {9});
        Files.write(dir.resolve("voices/v1/samples/.tmp-123.part"), new byte[] {1, 2});
        Files.write(dir.resolve(".tmp-456.part"), new byte[0]);

        assertThat(store.removeStaleParts()).isEqualTo(2);
        assertThat(store.get("voices/v1/samples/s1.wav")).contains(new byte[] {9});
        assertThat(Files.exists(dir.resolve("voices/v1/samples/.tmp-123.part"))).isFalse();
        assertThat(store.removeStaleParts()).isZero();
    }

    @Test
    void lists_the_keys_written_before_a_time() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        store.put("history/old.mp3", new byte[1]);
        store.put("convai/conversations/c1/audio.mp3", new byte[1]);
        Files.setLastModifiedTime(dir.resolve("history/old.mp3"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(dir.resolve("convai/conversations/c1/audio.mp3"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        store.put("history/new.mp3", new byte[1]);
        Files.write(dir.resolve("history/.tmp-1.part"), new byte[1]);
        Files.setLastModifiedTime(dir.resolve("history/.tmp-1.part"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(store.keysWrittenBefore(Instant.parse("2021-01-01T00:00:00Z")))
                .containsExactlyInAnyOrder("history/old.mp3", "convai/conversations/c1/audio.mp3");
    }

    @Test
    void folders_it_creates_are_owner_only() throws Exception {
        Assumptions.assumeTrue(dev.timbre.common.OwnerOnly.supported(), "POSIX permissions");
        FileSystemBlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
        store.put("history/a.mp3", new byte[1]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("blobs")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("blobs/history")))).isEqualTo("rwx------");
    }
}
