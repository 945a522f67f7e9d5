package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code cloud_storage_url} under the outbound policy in a whole server: local file servers on 127.0.0.1, one of them
 * in {@code network.outbound_allow}.
 */
@Tag("integration")
class CloudAudioApiTest {
    static HttpServer allowed;
    static HttpServer refused;
    static final List<String> hits = new CopyOnWriteArrayList<>();
    static TestServer server;

    static HttpServer files(String name) throws IOException {
        byte[] wav = SpeechAudio.wav(0.3, 0.3);
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            hits.add(name + " " + ex.getRequestURI());
            if (ex.getRequestURI().getPath().equals("/hop")) {
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + refused.getAddress().getPort() + "/a.wav");
                ex.sendResponseHeaders(302, -1);
            } else {
                ex.sendResponseHeaders(200, wav.length);
                ex.getResponseBody().write(wav);
            }
            ex.close();
        });
        s.start();
        return s;
    }

    @BeforeAll
    static void start() throws IOException {
        allowed = files("allowed");
        refused = files("refused");
        server = TestServer.start(c -> c.withNetwork(new TimbreConfig.Network(List.of("127.0.0.1:" + allowed.getAddress().getPort()))));
    }

    @AfterAll
    static void stop() {
        server.close();
        allowed.stop(0);
        refused.stop(0);
    }

    static TestServer.Response transcribe(String url) {
        return server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1").field("cloud_storage_url", url));
    }

    @Test
    void an_allowed_local_server_is_fetched_and_others_are_refused_alike() {
        hits.clear();
        TestServer.Response ok = transcribe("http://127.0.0.1:" + allowed.getAddress().getPort() + "/a.wav");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        TestServer.Response local = transcribe("http://127.0.0.1:" + refused.getAddress().getPort() + "/a.wav");
        TestServer.Response self = transcribe(server.url("/v1/models"));
        TestServer.Response metadata = transcribe("http://169.254.169.254/latest/meta-data/");
        TestServer.Response viaRedirect = transcribe("http://127.0.0.1:" + allowed.getAddress().getPort() + "/hop");
        for (TestServer.Response r : List.of(local, self, metadata, viaRedirect)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().at("/detail/status").asText()).isEqualTo("cloud_storage_url_unreadable");
            assertThat(r.json().at("/detail/message").asText()).as("one message: no oracle").isEqualTo(local.json().at("/detail/message").asText());
        }
        assertThat(hits).containsExactly("allowed /a.wav", "allowed /hop");
    }
}
