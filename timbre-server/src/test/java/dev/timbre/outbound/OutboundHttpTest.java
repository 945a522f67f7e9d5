package dev.timbre.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link OutboundHttp} against local servers on 127.0.0.1: refused by default, allowed by the operator's list. */
class OutboundHttpTest {
    HttpServer allowed;
    HttpServer other;
    final List<String> hits = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        allowed = server("allowed");
        other = server("other");
    }

    HttpServer server(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setExecutor(Executors.newCachedThreadPool());
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().toString();
            hits.add(name + " " + ex.getRequestMethod() + " " + path + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
            if (path.startsWith("/redirect?")) {
                String to = path.substring(path.indexOf("to=") + 3);
                ex.getResponseHeaders().set("Location", java.net.URLDecoder.decode(to, StandardCharsets.UTF_8));
                ex.sendResponseHeaders(path.contains("keep") ? 307 : 302, -1);
            } else if (path.startsWith("/loop")) {
                ex.getResponseHeaders().set("Location", "/loop");
                ex.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/slow")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(200, -1);
            } else if (path.startsWith("/big")) {
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                try (var out = ex.getResponseBody()) {
                    for (int i = 0; i < 1000; i++) out.write(chunk); // 64 MB unless the client stops reading
                } catch (IOException clientLeft) {
                    // the client closed the connection: expected
                }
            } else {
                byte[] body = (name + " says hi").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        release.countDown();
        allowed.stop(0);
        other.stop(0);
    }

    String url(HttpServer s, String path) {
        return "http://127.0.0.1:" + s.getAddress().getPort() + path;
    }

    static OutboundHttp client(String allowList) {
        return new OutboundHttp(new OutboundPolicy(OutboundAllowList.parse(allowList)));
    }

    static OutboundRequest get(String url) {
        return OutboundRequest.get(URI.create(url), Duration.ofSeconds(5));
    }

    @Test
    void a_local_server_is_refused_by_default_and_reached_with_the_allow_list() throws Exception {
        try (OutboundHttp strict = client("")) {
            assertThatThrownBy(() -> strict.fetch(get(url(allowed, "/a")), 1000)).isInstanceOf(OutboundException.class)
                    .hasMessage(OutboundException.MESSAGE);
            assertThatThrownBy(() -> strict.fetch(get("http://localhost:" + allowed.getAddress().getPort() + "/a"), 1000))
                    .isInstanceOf(OutboundException.class);
            assertThatThrownBy(() -> strict.fetch(get("http://[::ffff:127.0.0.1]:" + allowed.getAddress().getPort() + "/a"), 1000))
                    .isInstanceOf(OutboundException.class);
        }
        assertThat(hits).isEmpty();
        try (OutboundHttp open = client("127.0.0.1:" + allowed.getAddress().getPort())) {
            OutboundHttp.Fetched r = open.fetch(get(url(allowed, "/a")), 1000);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("allowed says hi");
            assertThatThrownBy(() -> open.fetch(get(url(other, "/a")), 1000)).as("only the allowed port").isInstanceOf(OutboundException.class);
        }
        assertThat(hits).containsExactly("allowed GET /a  auth=null");
    }

    @Test
    void a_redirect_to_a_refused_address_is_refused() throws Exception {
        try (OutboundHttp http = client("127.0.0.1:" + allowed.getAddress().getPort())) {
            String target = url(other, "/secret");
            assertThatThrownBy(() -> http.fetch(get(url(allowed, "/redirect?to=" + target)), 1000)).isInstanceOf(OutboundException.class)
                    .hasMessage(OutboundException.MESSAGE);
            assertThatThrownBy(() -> http.fetch(get(url(allowed, "/redirect?to=http://169.254.169.254/latest/meta-data/")), 1000))
                    .isInstanceOf(OutboundException.class);
            assertThatThrownBy(() -> http.fetch(get(url(allowed, "/redirect?to=file:///etc/passwd")), 1000)).isInstanceOf(OutboundException.class);
        }
        assertThat(hits).noneMatch(h -> h.startsWith("other"));
    }

    @Test
    void redirects_are_followed_checked_and_bounded() throws Exception {
        try (OutboundHttp http = client("127.0.0.1")) {
            OutboundRequest post = new OutboundRequest("POST", URI.create(url(allowed, "/redirect?to=" + url(other, "/moved"))),
                    Map.of("Authorization", "Bearer t"), "x=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", Duration.ofSeconds(5));
            assertThat(new String(http.fetch(post, 1000).body(), StandardCharsets.UTF_8)).isEqualTo("other says hi");
            assertThat(hits.get(1)).as("302 → GET without body; another origin → no headers").isEqualTo("other GET /moved  auth=null");
            hits.clear();
            OutboundRequest keep = new OutboundRequest("POST", URI.create(url(allowed, "/redirect?keep&to=/kept")),
                    Map.of("Authorization", "Bearer t"), "x=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", Duration.ofSeconds(5));
            http.fetch(keep, 1000);
            assertThat(hits.get(1)).as("307 keeps method, body and same-origin headers").isEqualTo("allowed POST /kept x=1 auth=Bearer t");
            hits.clear();
            assertThatThrownBy(() -> http.fetch(get(url(allowed, "/loop")), 1000)).isInstanceOf(OutboundException.class);
            assertThat(hits).hasSize(OutboundHttp.MAX_REDIRECTS + 1);
        }
    }

    @Test
    void a_closed_port_and_a_timeout_fail_alike_and_within_the_timeout() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (OutboundHttp http = client("127.0.0.1")) {
            OutboundException closed = org.junit.jupiter.api.Assertions.assertThrows(OutboundException.class,
                    () -> http.fetch(get("http://127.0.0.1:" + closedPort + "/"), 1000));
            long start = System.nanoTime();
            OutboundException slow = org.junit.jupiter.api.Assertions.assertThrows(OutboundException.class,
                    () -> http.fetch(OutboundRequest.get(URI.create(url(allowed, "/slow")), Duration.ofMillis(500)), 1000));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(slow.getMessage()).isEqualTo(closed.getMessage()).isEqualTo(OutboundException.MESSAGE);
            assertThatThrownBy(() -> http.fetch(get("http://no-such-host.invalid/"), 1000)).hasMessage(OutboundException.MESSAGE);
        }
    }

    @Test
    void a_body_is_read_up_to_the_limit_and_the_rest_is_dropped() throws Exception {
        try (OutboundHttp http = client("127.0.0.1")) {
            long start = System.nanoTime();
            OutboundHttp.Fetched r = http.fetch(get(url(allowed, "/big")), 100_000);
            assertThat(r.truncated()).isTrue();
            assertThat(r.body()).hasSize(100_000);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            try (OutboundResponse open = http.open(get(url(allowed, "/big")))) {
                assertThat(open.status()).isEqualTo(200);
                assertThat(open.body().readNBytes(10)).hasSize(10);
            }
        }
    }
}
