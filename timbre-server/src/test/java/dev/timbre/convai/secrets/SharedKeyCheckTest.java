package dev.timbre.convai.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nodes of one database share the secrets key (TIMBRE_SECRET_KEY), and a node with another key does not start. */
class SharedKeyCheckTest {
    @TempDir
    Path dir;

    private static String key(int seed) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) seed);
        return Base64.getEncoder().encodeToString(k);
    }

    @ParameterizedTest
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void theFirstKeyIsRecordedAndAnotherIsRefused(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            SecretCipher a = SecretCipher.fromEnvOrFile(Map.of("TIMBRE_SECRET_KEY", key(1)), dir.resolve("unused.key"));
            SharedKeyCheck.verify(db.jdbi(), a);
            SharedKeyCheck.verify(db.jdbi(), SecretCipher.fromEnvOrFile(Map.of("TIMBRE_SECRET_KEY", key(1)), dir.resolve("other.key")));
            SecretCipher b = SecretCipher.fromEnvOrFile(Map.of(), dir.resolve("node-b.key"));
            assertThatThrownBy(() -> SharedKeyCheck.verify(db.jdbi(), b)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TIMBRE_SECRET_KEY");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void theSharedKeyDecryptsWhatAnotherNodeEncrypted(String kind) {
        SecretCipher a = SecretCipher.fromEnvOrFile(Map.of("TIMBRE_SECRET_KEY", key(2)), dir.resolve("a.key"));
        SecretCipher b = SecretCipher.fromEnvOrFile(Map.of("TIMBRE_SECRET_KEY", " " + key(2) + "\n"), dir.resolve("b.key"));
        assertThat(b.decrypt(a.encrypt("twilio-token"))).isEqualTo("twilio-token");
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64).doesNotContain(key(2));
        assertThatThrownBy(() -> SecretCipher.fromEnvOrFile(Map.of("TIMBRE_SECRET_KEY", "c2hvcnQ="), dir.resolve("c.key")))
                .hasMessageContaining("32 bytes");
    }
}
