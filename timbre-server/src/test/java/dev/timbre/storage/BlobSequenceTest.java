package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BlobSequence}: blobs back to back; a missing key ends the stream or is skipped; none at all is empty. */
class BlobSequenceTest {
    @TempDir Path dir;

    @Test
    void reads_blobs_in_order_stopping_at_or_skipping_a_missing_one() throws Exception {
        BlobStore blobs = new FileSystemBlobStore(dir);
        blobs.put("a", "one ".getBytes(StandardCharsets.UTF_8));
        blobs.put("c", "three".getBytes(StandardCharsets.UTF_8));
        List<String> keys = List.of("a", "b", "c");
        try (InputStream in = BlobSequence.open(blobs, keys.iterator(), false).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one three");
        }
        try (InputStream in = BlobSequence.open(blobs, keys.iterator(), true).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one ");
        }
        assertThat(BlobSequence.open(blobs, List.of("b", "c").iterator(), true)).isEmpty();
        assertThat(BlobSequence.open(blobs, List.of("x").iterator(), false)).isEmpty();
    }
}
