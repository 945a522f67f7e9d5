package dev.timbre;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.common.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void posix() {
        Assumptions.assumeTrue(OwnerOnly.supported(), "POSIX permissions");
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_new_data_dir_is_owner_only() throws Exception {
        Path data = tmp.resolve("a/b/data");
        DataDir.prepare(data);
        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void an_existing_open_data_dir_of_ours_is_narrowed() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDir.prepare(data);
        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void a_shared_sticky_folder_is_left_alone() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        DataDir.prepare(shared);
        assertThat(((Integer) Files.getAttribute(shared, "unix:mode")) & 07777).isEqualTo(01777);
    }
}
