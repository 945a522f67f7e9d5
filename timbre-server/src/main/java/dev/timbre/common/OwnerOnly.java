package dev.timbre.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner-only file permissions for what the server keeps on disk: folders {@code rwx------}, files {@code rw-------}.
 * Where the file system has no POSIX permissions (Windows) every method does nothing more than the plain operation.
 * Stateless and thread-safe.
 */
public final class OwnerOnly {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Whether the default file system supports POSIX permissions. */
    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Like {@link Files#createDirectories}, and folders it creates are owner-only; existing ones are left alone. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return dir;
        if (absolute.getParent() != null) createDirectories(absolute.getParent());
        try {
            if (supported()) Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            else Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) throw raced;
        }
        return dir;
    }

    /**
     * Makes {@code path} owner-only, and with {@code recursive} everything under it (symbolic links are not
     * followed). A path that does not exist is skipped.
     */
    public static void restrict(Path path, boolean recursive) throws IOException {
        if (!supported() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        if (!recursive) {
            set(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk::iterator) set(p);
        }
    }

    /** True when group or others have any permission on {@code path}; false where permissions are not POSIX. */
    public static boolean openToOthers(Path path) throws IOException {
        if (!supported() || !Files.exists(path)) return false;
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
        p.removeAll(FOLDER);
        return !p.isEmpty();
    }

    private static void set(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) return;
        try {
            Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
        } catch (java.nio.file.NoSuchFileException gone) {
            // removed meanwhile (an H2 temporary file): nothing to protect
        }
    }
}
