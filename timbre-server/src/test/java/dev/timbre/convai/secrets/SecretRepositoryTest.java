package dev.timbre.convai.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.db.Database;
import dev.timbre.http.ApiException;
import dev.timbre.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void stores_values_encrypted_and_decrypts_them(String kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            Path dir = Files.createTempDirectory("secrets");
            SecretRepository repo = new SecretRepository(db.jdbi());
            SecretsService secrets = new SecretsService(repo, SecretCipher.openOrCreate(dir.resolve("secrets.key")), SecretDependents.NONE, Clock.systemUTC());
            SecretResponse a = secrets.create("first", "plain value ✓");
            SecretResponse b = secrets.create("second", "");

            StoredSecret row = repo.find(a.secretId()).orElseThrow();
            assertThat(row.encryptedValue()).doesNotContain("plain value");
            assertThat(secrets.value(a.secretId())).isEqualTo("plain value ✓");
            assertThat(secrets.value(b.secretId())).isEmpty();

            // a second cipher over the same key file reads what the first wrote
            SecretsService reopened = new SecretsService(repo, SecretCipher.openOrCreate(dir.resolve("secrets.key")), SecretDependents.NONE, Clock.systemUTC());
            assertThat(reopened.value(a.secretId())).isEqualTo("plain value ✓");

            assertThat(secrets.list().secrets()).extracting(SecretsPage.Secret::name).containsExactly("first", "second");
            secrets.update(a.secretId(), "renamed", "new value");
            assertThat(secrets.value(a.secretId())).isEqualTo("new value");
            assertThat(repo.find(a.secretId()).orElseThrow().name()).isEqualTo("renamed");

            secrets.delete(a.secretId());
            assertThatThrownBy(() -> secrets.value(a.secretId())).isInstanceOf(ApiException.class);
            assertThat(secrets.list().secrets()).hasSize(1);
        }
    }

    @Test
    void another_key_cannot_decrypt_and_nonces_differ() throws IOException {
        SecretCipher one = SecretCipher.openOrCreate(Files.createTempDirectory("k1").resolve("secrets.key"));
        SecretCipher two = SecretCipher.openOrCreate(Files.createTempDirectory("k2").resolve("secrets.key"));
        String c = one.encrypt("hello");
        assertThat(one.encrypt("hello")).isNotEqualTo(c);
        assertThat(one.decrypt(c)).isEqualTo("hello");
        assertThatThrownBy(() -> two.decrypt(c)).isInstanceOf(IllegalStateException.class);
    }
}
