package dev.timbre.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.access.Caller;
import dev.timbre.access.Permission;
import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Key storage on both databases: scopes round-trip, edits, deletes, and bootstrap rotation. */
class ApiKeyRepositoryTest {
    static final String SA = "timbre-service-account";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_scoped_keys_hashed_and_edits_and_deletes_them(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ApiKeyRepository keys = new ApiKeyRepository(db.jdbi());
            assertThat(new ServiceAccountRepository(db.jdbi()).find(SA)).isPresent();
            var k = keys.create("sk_0123456789abcdef", SA, "ci", EnumSet.of(Permission.VOICES_READ, Permission.TEXT_TO_SPEECH), 500L, 1_700_000_000L);
            assertThat(k.keyHint()).isEqualTo("sk_…cdef");
            Caller c = keys.find("sk_0123456789abcdef").orElseThrow();
            assertThat(c.permissions()).containsExactlyInAnyOrder(Permission.VOICES_READ, Permission.TEXT_TO_SPEECH);
            assertThat(c.characterLimit()).isEqualTo(500L);
            assertThat(c.has(Permission.VOICES_WRITE)).isFalse();
            assertThat(keys.list(SA)).extracting(ApiKeyRepository.ApiKey::name).containsExactly("ci");

            assertThat(keys.update(SA, k.id(), "ci2", null, null, true)).isTrue();
            Caller edited = keys.find("sk_0123456789abcdef").orElseThrow();
            assertThat(edited.disabled()).isTrue();
            assertThat(edited.permissions()).as("null = all").isNull();
            assertThat(edited.characterLimit()).isNull();
            assertThat(keys.update("other-account", k.id(), "x", null, null, false)).isFalse();
            assertThat(keys.update(SA, k.id(), "none", EnumSet.noneOf(Permission.class), null, false)).isTrue();
            assertThat(keys.find("sk_0123456789abcdef").orElseThrow().permissions()).isEmpty();

            assertThat(keys.delete(SA, k.id())).isTrue();
            assertThat(keys.delete(SA, k.id())).isFalse();
            assertThat(keys.find("sk_0123456789abcdef")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void installing_a_bootstrap_key_removes_the_other_admin_keys_only(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ApiKeyRepository keys = new ApiKeyRepository(db.jdbi());
            keys.installBootstrap("old-admin-key", "old", 1);
            keys.create("sk_service_key_0001", SA, "svc", null, null, 1);
            keys.installBootstrap("new-admin-key", "new", 2);
            assertThat(keys.find("old-admin-key")).isEmpty();
            assertThat(keys.find("new-admin-key")).hasValueSatisfying(c -> assertThat(c.permissions()).isNull());
            assertThat(keys.find("sk_service_key_0001")).isPresent();
            assertThat(keys.count()).isEqualTo(2);
        }
    }
}
