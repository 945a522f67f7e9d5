package dev.timbre.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The built web app (web/, put in the class path by Maven) served at / without a key. */
@Tag("integration")
class WebAppApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response anonymous(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        return server.send(b);
    }

    @Test
    void the_app_page_loads_its_hashed_script_which_is_cached_for_good() {
        var page = anonymous("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.header("cache-control")).isEqualTo("no-cache");
        assertThat(page.header("x-frame-options")).isEqualTo("DENY");
        Matcher script = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"").matcher(page.text());
        assertThat(script.find()).as(page.text()).isTrue();

        var js = anonymous("/" + script.group(1));
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("content-type")).startsWith("text/javascript");
        assertThat(js.header("cache-control")).contains("immutable");
        assertThat(js.text()).contains("xi-api-key");

        var again = anonymous("/" + script.group(1), "If-None-Match", js.header("etag"));
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void the_routes_are_listed_as_served() {
        assertThat(server.timbre().routes()).contains("GET /", "GET /assets/{file}", "GET /convai-widget-embed.js");
    }

    @Test
    void the_widget_script_may_be_loaded_by_any_site() {
        var js = anonymous("/convai-widget-embed.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("content-type")).startsWith("text/javascript");
        assertThat(js.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(js.text()).contains("elevenlabs-convai");
    }

    @Test
    void unknown_and_odd_asset_names_are_404_in_the_api_error_shape() {
        for (String path : new String[] {"/assets/nope.js", "/assets/..%2Fwebapp%2Findex.html", "/assets/x.exe", "/assets/.hidden.js"}) {
            var r = anonymous(path);
            assertThat(r.status()).as(path).isEqualTo(404);
        }
    }
}
