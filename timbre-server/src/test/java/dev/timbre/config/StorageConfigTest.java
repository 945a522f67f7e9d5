package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** storage.* in YAML and TIMBRE_BLOB_STORE / TIMBRE_S3_* in the environment, the environment winning. */
class StorageConfigTest {
    @TempDir
    Path dir;

    @Test
    void filesByDefault() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).storage().blobStore()).isEqualTo("file");
    }

    @Test
    void yamlNamesTheStoreAndTheEnvironmentOverridesIt() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, """
                storage:
                  blob_store: s3
                  s3:
                    endpoint: http://minio:9000
                    bucket: audio
                    access_key: ak
                    secret_key: sk
                    path_style: true
                """);
        StorageSettings y = ConfigLoader.load(Map.of("config", file.toString()), Map.of()).storage();
        assertThat(y.blobStore()).isEqualTo("s3");
        assertThat(y.s3()).isEqualTo(new StorageSettings.S3("http://minio:9000", "us-east-1", "audio", "ak", "sk", true));
        assertThat(y.s3().toString()).doesNotContain("sk");

        StorageSettings e = ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_S3_BUCKET", "other",
                "TIMBRE_S3_REGION", "eu-west-1", "TIMBRE_S3_PATH_STYLE", "false")).storage();
        assertThat(e.s3().bucket()).isEqualTo("other");
        assertThat(e.s3().region()).isEqualTo("eu-west-1");
        assertThat(e.s3().pathStyle()).isFalse();
        assertThat(e.s3().endpoint()).isEqualTo("http://minio:9000");
    }

    @Test
    void theEnvironmentAloneConfiguresS3AndMistakesAreNamed() throws Exception {
        StorageSettings s = ConfigLoader.load(Map.of(), Map.of("TIMBRE_BLOB_STORE", "S3", "TIMBRE_S3_ENDPOINT", "http://127.0.0.1:9000",
                "TIMBRE_S3_BUCKET", "b", "TIMBRE_S3_ACCESS_KEY", "k", "TIMBRE_S3_SECRET_KEY", "s", "TIMBRE_S3_PATH_STYLE", "true")).storage();
        assertThat(s.blobStore()).isEqualTo("s3");
        assertThat(s.s3().pathStyle()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_BLOB_STORE", "s3")))
                .hasMessageContaining("TIMBRE_S3_BUCKET");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_BLOB_STORE", "ftp")))
                .hasMessageContaining("must be file or s3");
    }
}
