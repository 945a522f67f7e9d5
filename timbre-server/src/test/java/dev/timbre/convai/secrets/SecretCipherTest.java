package dev.timbre.convai.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation key file: created whole and owner-only, read back the same, an empty one from a crash replaced. */
class SecretCipherTest {
    @TempDir Path dir;

    @Test
    void the_key_file_is_created_whole_owner_only_and_read_back() throws Exception {
        Path keyFile = dir.resolve("data/secrets.key");
        SecretCipher first = SecretCipher.openOrCreate(keyFile);
        assertThat(Files.size(keyFile)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        try (var files = Files.list(keyFile.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(keyFile);
        }
        SecretCipher again = SecretCipher.openOrCreate(keyFile);
        assertThat(again.decrypt(first.encrypt("sk-secret"))).isEqualTo("sk-secret");
        assertThat(again.derivedKey("x")).isEqualTo(first.derivedKey("x"));
    }

    @Test
    void an_empty_key_file_left_by_a_crash_is_replaced() throws Exception {
        Path keyFile = dir.resolve("secrets.key");
        Files.createFile(keyFile);
        SecretCipher cipher = SecretCipher.openOrCreate(keyFile);
        assertThat(Files.size(keyFile)).isEqualTo(32);
        assertThat(cipher.decrypt(cipher.encrypt("v"))).isEqualTo("v");
    }
}
