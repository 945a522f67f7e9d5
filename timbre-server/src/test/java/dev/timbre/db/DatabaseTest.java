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
}
