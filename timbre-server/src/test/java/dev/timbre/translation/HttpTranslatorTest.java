package dev.timbre.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A LibreTranslate-style service on a local port: its languages become pairs, the segments go and come back in order. */
class HttpTranslatorTest {
    private HttpServer server;
    private final AtomicReference<JsonNode> asked = new AtomicReference<>();
    private volatile String answer = "";

    private URI start(String languages) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/languages", x -> reply(x, languages == null ? 404 : 200, languages == null ? "" : languages));
        server.createContext("/translate", x -> {
            asked.set(Json.MAPPER.readTree(x.getRequestBody()));
            reply(x, 200, answer);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) x.getResponseBody().write(b);
        x.close();
    }

    @AfterEach
    void stop() { if (server != null) server.stop(0); }

    @Test
    void listsItsPairsAndTranslatesInOrder() throws Exception {
        HttpTranslator t = new HttpTranslator(start("[{\"code\":\"en\",\"targets\":[\"en\",\"es\",\"fr\"]},{\"code\":\"es\",\"targets\":[\"en\"]}]"), "k1");
        assertThat(t.pairs()).containsExactlyInAnyOrder(new LanguagePair("en", "es"), new LanguagePair("en", "fr"), new LanguagePair("es", "en"));
        answer = "{\"translatedText\":[\"Hola\",\"Adiós\"]}";
        assertThat(t.translate(List.of("Hello", "Goodbye"), new LanguagePair("en", "es"))).containsExactly("Hola", "Adiós");
        JsonNode q = asked.get();
        assertThat(q.path("source").asText()).isEqualTo("en");
        assertThat(q.path("target").asText()).isEqualTo("es");
        assertThat(q.path("format").asText()).isEqualTo("text");
        assertThat(q.path("api_key").asText()).isEqualTo("k1");
        assertThat(q.path("q")).hasSize(2);
    }

    @Test
    void aServiceWithoutALanguageListTakesAnyPairAndAWrongCountFails() throws Exception {
        HttpTranslator t = new HttpTranslator(start(null), null);
        assertThat(t.pairs()).isEqualTo(LanguagePair.ANY);
        answer = "{\"translatedText\":[\"solo uno\"]}";
        assertThatThrownBy(() -> t.translate(List.of("one", "two"), new LanguagePair("en", "es")))
                .isInstanceOf(Translator.Failed.class).hasMessageContaining("1 texts for 2 segments");
    }

    @Test
    void anUnreachableServiceFailsClearly() {
        HttpTranslator t = new HttpTranslator(URI.create("http://127.0.0.1:9"), null);
        assertThatThrownBy(() -> t.translate(List.of("one"), new LanguagePair("en", "es")))
                .isInstanceOf(Translator.Failed.class).hasMessageContaining("could not be reached");
    }
}
