package dev.timbre.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.config.StorageSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on a real S3-compatible server (S3Proxy), each test on a bucket of its own. */
class S3BlobStoreTest extends BlobStoreContract {
    @TempDir
    static Path dir;
    private static S3ProxyServer server;
    private static final AtomicInteger buckets = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Override
    BlobStore store() throws IOException {
        return S3BlobStore.open(server.settings("timbre-test-" + buckets.incrementAndGet()));
    }

    @Test
    void theBucketIsCreatedWhenMissingAndFoundWhenThere() throws Exception {
        S3BlobStore first = S3BlobStore.open(server.settings("shared-bucket"));
        first.put("history/x.mp3", new byte[] {3});
        S3BlobStore second = S3BlobStore.open(server.settings("shared-bucket"));
        assertThat(second.get("history/x.mp3")).contains(new byte[] {3});
    }

    @Test
    void wrongCredentialsAreAClearFailure() {
        var s = server.settings("any");
        var wrong = new StorageSettings.S3(s.endpoint(), s.region(), s.bucket(), s.accessKey(), "not-the-secret", true);
        assertThatThrownBy(() -> S3BlobStore.open(wrong)).isInstanceOf(IOException.class).hasMessageContaining("refused: 403");
    }

    @Test
    void anUnreachableStoreIsAClearFailure() {
        var unreachable = new StorageSettings.S3("http://127.0.0.1:9", "us-east-1", "b", "k", "s", true);
        assertThatThrownBy(() -> S3BlobStore.open(unreachable)).isInstanceOf(IOException.class).hasMessageContaining("could not be reached");
    }
}
