package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} does, whatever keeps the bytes: each implementation's test extends this. */
abstract class BlobStoreContract {
    /** A new, empty store for one test. */
    abstract BlobStore store() throws Exception;

    @Test
    void aBlobIsStoredReadOpenedAndReplacedWhole() throws Exception {
        BlobStore s = store();
        assertThat(s.get("history/a.mp3")).isEmpty();
        assertThat(s.open("history/a.mp3")).isEmpty();
        assertThat(s.exists("history/a.mp3")).isFalse();
        s.put("history/a.mp3", new byte[] {1, 2, 3});
        s.put("history/a.mp3", new byte[] {4, 5});
        assertThat(s.get("history/a.mp3")).contains(new byte[] {4, 5});
        try (InputStream in = s.open("history/a.mp3").orElseThrow()) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }
        assertThat(s.exists("history/a.mp3")).isTrue();
    }

    @Test
    void anEmptyBlobIsABlob() throws Exception {
        BlobStore s = store();
        s.put("voices/v1/empty.bin", new byte[0]);
        assertThat(s.exists("voices/v1/empty.bin")).isTrue();
        assertThat(s.get("voices/v1/empty.bin")).contains(new byte[0]);
    }

    @Test
    void deleteSaysWhetherTheBlobWasThere() throws Exception {
        BlobStore s = store();
        s.put("pvc/v/s.wav", new byte[] {7});
        assertThat(s.delete("pvc/v/s.wav")).isTrue();
        assertThat(s.delete("pvc/v/s.wav")).isFalse();
        assertThat(s.get("pvc/v/s.wav")).isEmpty();
    }

    @Test
    void badKeysAreRefusedBeforeAnythingIsStored() throws Exception {
        BlobStore s = store();
        for (String key : new String[] {"/abs", "a/../b", "a//b", "a/b c", "x.part", ""}) {
            assertThatThrownBy(() -> s.put(key, new byte[1])).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.get(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStreamedBlobLargerThanOnePartArrivesWhole() throws Exception {
        BlobStore s = store();
        byte[] big = new byte[S3BlobStore.PART_BYTES * 2 + 12345];
        new Random(7).nextBytes(big);
        s.put("dubbing/d1/input.mp4", new ByteArrayInputStream(big));
        assertThat(s.get("dubbing/d1/input.mp4").orElseThrow()).isEqualTo(big);
        s.put("dubbing/d1/small.wav", new ByteArrayInputStream(new byte[] {1, 2}));
        assertThat(s.get("dubbing/d1/small.wav")).contains(new byte[] {1, 2});
    }

    /** Byte {@code i} of a generated blob: the content is never held whole, on either side. */
    static byte generated(long i) { return (byte) (i * 31 + (i >>> 9)); }

    @Test
    void aTwentyMegabyteBlobStreamsInAndOutInChunks() throws Exception {
        BlobStore s = store();
        long size = 20L * 1024 * 1024 + 17;
        InputStream source = new InputStream() { // generates the blob as it is read: nothing whole in the test's memory
            long at;

            @Override
            public int read() { return at < size ? generated(at++) & 0xff : -1; }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= size) return -1;
                int n = (int) Math.min(len, size - at);
                for (int i = 0; i < n; i++) b[off + i] = generated(at++);
                return n;
            }
        };
        s.put("history/large.mp3", source);
        long read = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = s.open("history/large.mp3").orElseThrow()) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != generated(read + i)) throw new AssertionError("byte " + (read + i) + " differs");
                }
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
        assertThat(s.delete("history/large.mp3")).isTrue();
    }

    @Test
    void aStreamThatFailsPartWayLeavesTheOldBlob() throws Exception {
        BlobStore s = store();
        s.put("history/keep.mp3", new byte[] {1});
        InputStream failing = new InputStream() {
            private int sent;

            @Override public int read() throws IOException {
                if (sent++ > S3BlobStore.PART_BYTES + 10) throw new IOException("client went away");
                return 5;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (sent > S3BlobStore.PART_BYTES + 10) throw new IOException("client went away");
                int n = Math.min(len, 65536);
                java.util.Arrays.fill(b, off, off + n, (byte) 5);
                sent += n;
                return n;
            }
        };
        assertThatThrownBy(() -> s.put("history/keep.mp3", failing)).isInstanceOf(IOException.class);
        assertThat(s.get("history/keep.mp3")).contains(new byte[] {1});
    }

    @Test
    void listsOnlyTheBlobsWrittenBeforeACutoff() throws Exception {
        BlobStore s = store();
        s.put("history/one.mp3", new byte[1]);
        s.put("convai/conversations/c1/audio.mp3", new byte[1]);
        assertThat(s.keysWrittenBefore(Instant.now().plusSeconds(60)))
                .containsExactlyInAnyOrder("history/one.mp3", "convai/conversations/c1/audio.mp3");
        assertThat(s.keysWrittenBefore(Instant.now().minusSeconds(3600))).isEmpty();
    }
}
