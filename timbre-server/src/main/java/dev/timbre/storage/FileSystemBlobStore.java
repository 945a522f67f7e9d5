package dev.timbre.storage;

import dev.timbre.common.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs as files under a root folder (owner-only where the file system has POSIX permissions). A write goes to a
 * temporary {@code .part} file in the blob's folder, is forced to disk, then atomically renamed over the key, and the
 * folder is forced too: after a crash a key holds its old blob, its whole new blob, or nothing, never a part. A crash
 * mid-write leaves only a {@code .part} file, which {@link #removeStaleParts()} deletes at start-up.
 */
public final class FileSystemBlobStore implements BlobStore {
    static final String PART_PREFIX = ".tmp-";

    private final Path root;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = OwnerOnly.createDirectories(root).toRealPath();
    }

    private Path path(String key) {
        Path p = root.resolve(BlobStore.checkKey(key)).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("bad blob key: " + key);
        return p;
    }

    @Override
    public void put(String key, byte[] data) throws IOException {
        write(key, out -> {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) out.write(buffer);
        });
    }

    @Override
    public void put(String key, InputStream data) throws IOException {
        write(key, out -> {
            byte[] buf = new byte[65536];
            for (int n; (n = data.read(buf)) > 0; ) {
                ByteBuffer buffer = ByteBuffer.wrap(buf, 0, n);
                while (buffer.hasRemaining()) out.write(buffer);
            }
        });
    }

    private interface Writer {
        void write(FileChannel out) throws IOException;
    }

    private void write(String key, Writer writer) throws IOException {
        Path target = path(key);
        Path folder = OwnerOnly.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(folder, PART_PREFIX, BlobStore.PART_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(out);
                out.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(folder);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(path(key));
    }

    /**
     * Deletes every {@code .part} file under the root: writes a crash cut short. Call at start-up, before any write
     * of this process begins (a concurrent write's part would be deleted and that write would fail). Returns how many.
     */
    public int removeStaleParts() throws IOException {
        int removed = 0;
        for (Path p : files()) {
            if (p.getFileName().toString().endsWith(BlobStore.PART_SUFFIX) && Files.deleteIfExists(p)) removed++;
        }
        return removed;
    }

    @Override
    public List<String> keysWrittenBefore(Instant cutoff) throws IOException {
        List<String> keys = new ArrayList<>();
        FileTime limit = FileTime.from(cutoff);
        for (Path p : files()) {
            if (p.getFileName().toString().endsWith(BlobStore.PART_SUFFIX)) continue;
            try {
                if (Files.getLastModifiedTime(p).compareTo(limit) >= 0) continue;
            } catch (NoSuchFileException gone) {
                continue;
            }
            keys.add(root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"));
        }
        return keys;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** Forces a folder's entries (the rename) to disk; file systems that cannot open a folder are skipped. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot sync a directory; the rename is still atomic there.
        }
    }
}
