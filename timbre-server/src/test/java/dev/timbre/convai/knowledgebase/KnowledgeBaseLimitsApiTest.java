package dev.timbre.convai.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Uploads over {@code limits.max_upload_bytes} are refused with 413 and leave nothing behind. */
@Tag("integration")
class KnowledgeBaseLimitsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withLimits(new TimbreConfig.Limits(1024 * 1024, 50_000)));
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void an_upload_over_the_limit_is_413_and_nothing_is_stored() {
        byte[] big = "All work and no play. ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        TestServer.Response r = server.postMultipart("/v1/convai/knowledge-base/file", new Multipart().file("file", "big.txt", "text/plain", big));
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(server.get("/v1/convai/knowledge-base").json().get("documents")).isEmpty();

        TestServer.Response small = server.postMultipart("/v1/convai/knowledge-base/file",
                new Multipart().file("file", "small.txt", "text/plain", "All work and no play.".getBytes(StandardCharsets.UTF_8)));
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        assertThat(server.get("/v1/convai/knowledge-base").json().get("documents")).hasSize(1);
    }
}
