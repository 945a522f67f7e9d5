package dev.timbre.convai.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.convai.knowledgebase.extract.SampleDocuments;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every {@code /v1/convai/knowledge-base} endpoint and the agent's size, against the OpenAPI. */
@Tag("integration")
class KnowledgeBaseApiTest {
    static TestServer server;
    static HttpServer pages;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/faq", x -> reply(x, 200, "text/html", "<html><head><title>Shop FAQ</title></head><body><nav>Menu</nav>"
                + "<h1>Returns</h1><p>Returns are accepted within 30 days.</p><script>track()</script></body></html>"));
        pages.createContext("/binary", x -> reply(x, 200, "application/octet-stream", "\u0000\u0001\u0002binary"));
        pages.createContext("/missing", x -> reply(x, 404, "text/html", "<p>no</p>"));
        pages.start();
    }

    static void reply(com.sun.net.httpserver.HttpExchange x, int status, String type, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @AfterAll
    static void stop() {
        pages.stop(0);
        server.close();
    }

    static String page(String path) {
        return "http://127.0.0.1:" + pages.getAddress().getPort() + path;
    }

    static String createText(String name, String text) {
        TestServer.Response r = server.postJson("/v1/convai/knowledge-base/text", "{\"text\": " + json(text) + (name == null ? "" : ", \"name\": " + json(name)) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/text", r);
        return r.json().get("id").asText();
    }

    static String json(String s) {
        return dev.timbre.http.Json.MAPPER.valueToTree(s).toString();
    }

    static String agentUsing(String name, String... locators) {
        String body = "{\"name\": \"" + name + "\", \"conversation_config\": {\"agent\": {\"prompt\": {\"prompt\": \"You help.\", \"knowledge_base\": ["
                + String.join(",", locators) + "]}}}}";
        TestServer.Response r = server.postJson("/v1/convai/agents/create", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    static String locator(String id, String type, String mode) {
        return "{\"type\": \"" + type + "\", \"name\": \"doc\", \"id\": \"" + id + "\", \"usage_mode\": \"" + mode + "\"}";
    }

    @Test
    void text_document_round_trip_get_content_chunk_rename_and_delete() {
        String id = createText("Hours", "We open at nine.\n\nWe close at <five>.");
        TestServer.Response got = server.get("/v1/convai/knowledge-base/" + id);
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}", got);
        assertThat(got.json().get("type").asText()).isEqualTo("text");
        assertThat(got.json().get("name").asText()).isEqualTo("Hours");
        assertThat(got.json().has("url")).isFalse();
        assertThat(got.json().get("supported_usages")).extracting(JsonNode::asText).containsExactly("prompt", "auto");
        assertThat(got.json().at("/metadata/size_bytes").asLong()).isEqualTo("We open at nine.\n\nWe close at <five>.".length());
        assertThat(got.json().get("extracted_inner_html").asText()).contains("<p>We close at &lt;five&gt;.</p>");

        TestServer.Response content = server.get("/v1/convai/knowledge-base/" + id + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.header("Content-Type")).startsWith("text/html");
        assertThat(content.text()).contains("<p>We open at nine.</p>");

        TestServer.Response chunk = server.get("/v1/convai/knowledge-base/" + id + "/chunk/" + id + "_0");
        assertThat(chunk.status()).as(chunk.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}/chunk/{chunk_id}", chunk);
        assertThat(chunk.json().get("content").asText()).isEqualTo("We open at nine.\n\nWe close at <five>.");
        assertThat(chunk.json().get("name").asText()).isEqualTo("Hours");
        assertThat(server.get("/v1/convai/knowledge-base/" + id + "/chunk/" + id + "_9").json().at("/detail/status").asText())
                .isEqualTo("chunk_not_found");

        TestServer.Response renamed = server.patchJson("/v1/convai/knowledge-base/" + id, "{\"name\": \"Opening hours\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/knowledge-base/{documentation_id}", renamed);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Opening hours");
        assertThat(server.patchJson("/v1/convai/knowledge-base/" + id, "{\"name\": \"\"}").status()).isEqualTo(422);
        assertThat(server.patchJson("/v1/convai/knowledge-base/" + id, "{}").status()).isEqualTo(422);

        TestServer.Response deleted = server.delete("/v1/convai/knowledge-base/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/knowledge-base/{documentation_id}", deleted);
        TestServer.Response gone = server.get("/v1/convai/knowledge-base/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/detail/status").asText()).isEqualTo("document_not_found");
        assertThat(server.get("/v1/convai/knowledge-base/" + id + "/chunk/" + id + "_0").status()).isEqualTo(404);
    }

    @Test
    void file_documents_from_pdf_docx_and_epub_and_the_bad_ones() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Object[] f : new Object[][] {{"hours.pdf", "application/pdf", SampleDocuments.pdf("We open at nine.")},
                {"guide.docx", "application/octet-stream", SampleDocuments.docx("Returns take 30 days.")},
                {"book.epub", "application/epub+zip", SampleDocuments.epub()}}) {
            TestServer.Response r = server.postMultipart("/v1/convai/knowledge-base/file",
                    new Multipart().file("file", (String) f[0], (String) f[1], (byte[]) f[2]));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/file", r);
            assertThat(r.json().get("name").asText()).isEqualTo(f[0]);
            ids.add(r.json().get("id").asText());
        }
        TestServer.Response pdf = server.get("/v1/convai/knowledge-base/" + ids.get(0));
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}", pdf);
        assertThat(pdf.json().get("type").asText()).isEqualTo("file");
        assertThat(pdf.json().get("filename").asText()).isEqualTo("hours.pdf");
        assertThat(pdf.json().get("extracted_inner_html").asText()).contains("We open at nine.");
        assertThat(server.get("/v1/convai/knowledge-base/" + ids.get(2) + "/content").text()).contains("A storm came in.");

        TestServer.Response named = server.postMultipart("/v1/convai/knowledge-base/file",
                new Multipart().field("name", "My notes").file("file", "n.md", "text/markdown", "# Notes\nbody".getBytes(StandardCharsets.UTF_8)));
        assertThat(named.json().get("name").asText()).isEqualTo("My notes");

        TestServer.Response unsupported = server.postMultipart("/v1/convai/knowledge-base/file",
                new Multipart().file("file", "a.mp3", "audio/mpeg", new byte[100]));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().at("/detail/status").asText()).isEqualTo("unsupported_file_type");
        TestServer.Response corrupt = server.postMultipart("/v1/convai/knowledge-base/file",
                new Multipart().file("file", "x.pdf", "application/pdf", "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII)));
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.json().at("/detail/status").asText()).isEqualTo("document_unreadable");
        TestServer.Response empty = server.postMultipart("/v1/convai/knowledge-base/file",
                new Multipart().file("file", "e.txt", "text/plain", "  ".getBytes(StandardCharsets.UTF_8)));
        assertThat(empty.status()).isEqualTo(400);
        // the older combined route takes a file or a url
        TestServer.Response combined = server.postMultipart("/v1/convai/knowledge-base",
                new Multipart().file("file", "c.txt", "text/plain", "Combined upload.".getBytes(StandardCharsets.UTF_8)));
        assertThat(combined.status()).as(combined.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base", combined);
        TestServer.Response combinedUrl = server.postMultipart("/v1/convai/knowledge-base", new Multipart().field("url", page("/faq")));
        assertThat(combinedUrl.status()).as(combinedUrl.toString()).isEqualTo(200);
        assertThat(server.get("/v1/convai/knowledge-base/" + combinedUrl.json().get("id").asText()).json().get("type").asText()).isEqualTo("url");

        TestServer.Response noFile = server.postMultipart("/v1/convai/knowledge-base/file", new Multipart().field("name", "x"));
        assertThat(noFile.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/file", noFile);
    }

    @Test
    void url_documents_fetch_through_the_outbound_policy() {
        TestServer.Response r = server.postJson("/v1/convai/knowledge-base/url", "{\"url\": \"" + page("/faq") + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/url", r);
        assertThat(r.json().get("name").asText()).isEqualTo("Shop FAQ");
        TestServer.Response got = server.get("/v1/convai/knowledge-base/" + r.json().get("id").asText());
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}", got);
        assertThat(got.json().get("url").asText()).isEqualTo(page("/faq"));
        assertThat(got.json().get("extracted_inner_html").asText()).contains("Returns are accepted within 30 days.")
                .doesNotContain("Menu").doesNotContain("track()");

        TestServer.Response internal = server.postJson("/v1/convai/knowledge-base/url", "{\"url\": \"http://169.254.169.254/latest/meta-data\"}");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().at("/detail/status").asText()).isEqualTo("url_not_allowed");
        assertThat(internal.json().at("/detail/message").asText()).contains("internal address");
        for (String bad : List.of(page("/missing"), page("/binary"))) {
            TestServer.Response failed = server.postJson("/v1/convai/knowledge-base/url", "{\"url\": \"" + bad + "\"}");
            assertThat(failed.status()).as(bad).isEqualTo(400);
            assertThat(failed.json().at("/detail/status").asText()).isEqualTo("url_unreadable");
        }
        TestServer.Response notUrl = server.postJson("/v1/convai/knowledge-base/url", "{\"url\": \"file:///etc/passwd\"}");
        assertThat(notUrl.status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/knowledge-base/url", "{}").status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/knowledge-base/url", "{\"url\": \"https://example.com/" + "a".repeat(5000) + "\"}").status())
                .isEqualTo(422);
    }

    @Test
    void list_searches_filters_sorts_and_pages() {
        String prefix = "lst" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(createText(prefix + "-" + i, "Text number " + i + " " + "x".repeat(i * 10)));
        TestServer.Response first = server.get("/v1/convai/knowledge-base?search=" + prefix + "&page_size=2&sort_by=name&sort_direction=asc");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base", first);
        assertThat(first.json().get("documents")).extracting(d -> d.get("name").asText()).containsExactly(prefix + "-0", prefix + "-1");
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        List<String> all = new ArrayList<>();
        first.json().get("documents").forEach(d -> all.add(d.get("id").asText()));
        String cursor = first.json().get("next_cursor").asText();
        while (cursor != null) {
            TestServer.Response next = server.get("/v1/convai/knowledge-base?search=" + prefix + "&page_size=2&sort_by=name&sort_direction=asc&cursor=" + cursor);
            OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base", next);
            next.json().get("documents").forEach(d -> all.add(d.get("id").asText()));
            cursor = next.json().get("next_cursor").isNull() ? null : next.json().get("next_cursor").asText();
        }
        assertThat(all).containsExactlyElementsOf(ids);

        TestServer.Response bySize = server.get("/v1/convai/knowledge-base?search=" + prefix.toUpperCase() + "&sort_by=size&sort_direction=desc");
        assertThat(bySize.json().get("documents").get(0).get("id").asText()).isEqualTo(ids.get(4));
        assertThat(server.get("/v1/convai/knowledge-base?search=" + prefix + "&types=file").json().get("documents")).isEmpty();
        assertThat(server.get("/v1/convai/knowledge-base?search=" + prefix + "&types=text&types=url").json().get("documents")).hasSize(5);
        for (String bad : List.of("page_size=0", "page_size=101", "types=pdf", "sort_by=colour", "cursor=abc", "sort_direction=up")) {
            TestServer.Response r = server.get("/v1/convai/knowledge-base?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(422);
            OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base", r);
        }
    }

    @Test
    void dependent_agents_refused_delete_forced_delete_and_agent_size() {
        String used = createText("Policy", "Refunds within 30 days.");
        String other = createText("Other", "y".repeat(7_000));
        String a1 = agentUsing("Support", locator(used, "text", "auto"), locator(other, "text", "prompt"));
        String a2 = agentUsing("Sales", locator(used, "text", "prompt"));

        TestServer.Response deps = server.get("/v1/convai/knowledge-base/" + used + "/dependent-agents?page_size=1");
        assertThat(deps.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base/{documentation_id}/dependent-agents", deps);
        assertThat(deps.json().get("agents")).extracting(a -> a.get("id").asText()).containsExactly(a1);
        assertThat(deps.json().get("has_more").asBoolean()).isTrue();
        TestServer.Response rest = server.get("/v1/convai/knowledge-base/" + used + "/dependent-agents?page_size=1&cursor="
                + deps.json().get("next_cursor").asText());
        assertThat(rest.json().get("agents")).extracting(a -> a.get("id").asText()).containsExactly(a2);
        assertThat(rest.json().get("has_more").asBoolean()).isFalse();

        TestServer.Response list = server.get("/v1/convai/knowledge-base?search=Policy");
        OpenApiContract.assertConforms("GET", "/v1/convai/knowledge-base", list);
        JsonNode summary = list.json().get("documents").get(0);
        assertThat(summary.get("dependent_agents")).extracting(a -> a.get("id").asText()).containsExactlyInAnyOrder(a1, a2);

        TestServer.Response size = server.get("/v1/convai/agent/" + a1 + "/knowledge-base/size");
        assertThat(size.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agent/{agent_id}/knowledge-base/size", size);
        assertThat(size.json().get("number_of_pages").asDouble()).isEqualTo(1 + 3); // 23 bytes → 1 page; 7,000 bytes → 3
        assertThat(server.get("/v1/convai/agent/agent_nope/knowledge-base/size").status()).isEqualTo(404);

        TestServer.Response refused = server.delete("/v1/convai/knowledge-base/" + used);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/detail/status").asText()).isEqualTo("document_in_use");
        assertThat(refused.json().at("/detail/message").asText()).contains(a1).contains(a2);
        assertThat(server.get("/v1/convai/knowledge-base/" + used).status()).isEqualTo(200);

        TestServer.Response forced = server.delete("/v1/convai/knowledge-base/" + used + "?force=true");
        assertThat(forced.status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/knowledge-base/" + used).status()).isEqualTo(404);
        JsonNode kb = server.get("/v1/convai/agents/" + a1).json().at("/conversation_config/agent/prompt/knowledge_base");
        assertThat(kb).extracting(l -> l.get("id").asText()).containsExactly(other);
        assertThat(server.get("/v1/convai/agents/" + a2).json().at("/conversation_config/agent/prompt/knowledge_base")).isEmpty();
    }

    @Test
    void unknown_ids_are_404_and_bad_bodies_422() {
        for (TestServer.Response r : List.of(server.get("/v1/convai/knowledge-base/nope"), server.delete("/v1/convai/knowledge-base/nope"),
                server.get("/v1/convai/knowledge-base/nope/content"), server.get("/v1/convai/knowledge-base/nope/dependent-agents"),
                server.get("/v1/convai/knowledge-base/nope/chunk/nope_0"),
                server.patchJson("/v1/convai/knowledge-base/nope", "{\"name\": \"x\"}"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().at("/detail/status").asText()).isEqualTo("document_not_found");
        }
        for (String body : List.of("", "{}", "{\"text\": 3}", "{\"text\": \"a\", \"name\": \"\"}", "[1]")) {
            TestServer.Response r = server.postJson("/v1/convai/knowledge-base/text", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
            OpenApiContract.assertConforms("POST", "/v1/convai/knowledge-base/text", r);
        }
    }
}
