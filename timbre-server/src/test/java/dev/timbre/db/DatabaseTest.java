package dev.timbre.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.TestDatabases;
import dev.timbre.workspace.ApiKeyRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void migrates_and_stores_api_keys_hashed(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            assertThat(db.healthy()).isTrue();
            ApiKeyRepository keys = new ApiKeyRepository(db.jdbi());
            var k = keys.installBootstrap("secret-key-123", "test", 1);
            assertThat(keys.installBootstrap("secret-key-123", "again", 2).id()).isEqualTo(k.id());
            assertThat(keys.findByKey("secret-key-123")).isPresent();
            assertThat(keys.findByKey("other")).isEmpty();
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT key_hash FROM api_keys").mapTo(String.class).one());
            assertThat(stored).doesNotContain("secret").hasSize(64);
        }
    }

    @org.junit.jupiter.api.Test
    void a_thread_interrupted_while_writing_does_not_close_the_embedded_database(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        try (Database db = Database.open(new dev.timbre.config.TimbreConfig.Database(null, null, null), data)) {
            ApiKeyRepository keys = new ApiKeyRepository(db.jdbi());
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    Thread.currentThread().interrupt(); // as shutdownNow() or cancel(true) does to a worker mid-write
                    try {
                        keys.installBootstrap("key-" + i, "interrupted " + i, i);
                    } catch (RuntimeException e) {
                        // the interrupted write itself may fail; the database must stay open for everyone else
                    }
                }
            });
            writer.start();
            writer.join();
            assertThat(Thread.interrupted()).isFalse();
            assertThat(db.healthy()).isTrue();
            keys.installBootstrap("after", "after", 100);
            assertThat(keys.findByKey("after")).isPresent();
        }
    }

    @org.junit.jupiter.api.Test
    void the_embedded_database_files_are_owner_only(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.timbre.common.OwnerOnly.supported(), "POSIX permissions");
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(data.resolve("db"));
        java.nio.file.Path old = java.nio.file.Files.writeString(folder.resolve("left-by-an-old-version.txt"), "x");
        java.nio.file.Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(new dev.timbre.config.TimbreConfig.Database(null, null, null), data)) {
            assertThat(db.healthy()).isTrue();
            String writeDelay = db.jdbi().withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'WRITE_DELAY'").mapTo(String.class).one());
            assertThat(writeDelay).as("each commit written before it returns (survives kill -9)").isEqualTo("0");
            try (var files = java.nio.file.Files.walk(folder)) {
                assertThat(files.toList()).hasSizeGreaterThan(2).allSatisfy(p -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(p))).isEqualTo(java.nio.file.Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }
}
