package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.StorageSettings;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose blobs live in an S3-compatible store: what it writes is in the bucket, not in the data folder. */
@Tag("integration")
class S3StorageApiTest {
    @TempDir
    static Path dir;
    static S3ProxyServer s3;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(dir);
        server = TestServer.start(c -> c.withStorage(new StorageSettings("s3", s3.settings("timbre-api"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (s3 != null) s3.close();
    }

    @Test
    void speechHistoryAudioIsStoredInTheBucketAndServedFromIt() throws Exception {
        var r = server.postJson("/v1/text-to-speech/" + server.firstVoiceId(), "{\"text\":\"Stored in the bucket.\"}");
        assertThat(r.status()).isEqualTo(200);
        String item = r.header("history-item-id");
        assertThat(item).isNotBlank();

        var audio = server.get("/v1/history/" + item + "/audio");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.body()).isEqualTo(r.body());

        S3BlobStore bucket = S3BlobStore.open(s3.settings("timbre-api"));
        assertThat(bucket.keysWrittenBefore(java.time.Instant.now().plusSeconds(60))).anyMatch(k -> k.startsWith("history/") && k.contains(item));
        assertThat(Files.exists(server.dataDir().resolve("blobs"))).isFalse();

        assertThat(server.delete("/v1/history/" + item).status()).isEqualTo(200);
        assertThat(bucket.keysWrittenBefore(java.time.Instant.now().plusSeconds(60))).noneMatch(k -> k.contains(item));
    }
}
