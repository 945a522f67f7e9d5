package dev.timbre.convai.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class WidgetApiTest {
    static TestServer server;
    static final String WIDGET = "/v1/convai/agents/{agent_id}/widget";
    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** Creates an agent from {@code body} (single quotes for double; an empty {@code conversation_config} added when absent). */
    static String create(String body) {
        String json = body.contains("'conversation_config'") ? body : "{'conversation_config':{}," + body.substring(1);
        var r = server.postJson("/v1/convai/agents/create", json.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    /** A request without an API key, from {@code origin} (null: no Origin header). */
    static TestServer.Response anonymous(String path, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (path.startsWith("/talk-to")) b.header("Accept", "text/html,*/*;q=0.8"); // as a browser asks
        if (origin != null) b.header("Origin", origin);
        return server.send(b);
    }

    static String widget(String agentId) {
        return "/v1/convai/agents/" + agentId + "/widget";
    }

    @Test
    void both_endpoints_are_routed_as_the_specification_names_them() {
        // what the endpoint coverage report, the key scopes and /openapi.json read
        assertThat(server.timbre().routes()).contains("GET /v1/convai/agents/{agent_id}/widget",
                "POST /v1/convai/agents/{agent_id}/avatar", "GET /talk-to", "GET /convai-widget/avatars/{agent_id}/{file}");
        assertThat(server.timbre().routes()).noneMatch(r -> r.contains("//"));
    }

    @Test
    void a_public_agent_s_widget_is_read_without_a_key_with_the_schema_s_defaults() {
        String id = create("{'name':'Plain','conversation_config':{'agent':{'first_message':'Hello there','language':'de'}}}");
        var r = anonymous(widget(id), "https://shop.example");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", WIDGET, r);
        JsonNode w = r.json().get("widget_config");
        assertThat(r.json().get("agent_id").asText()).isEqualTo(id);
        assertThat(w.get("variant").asText()).isEqualTo("full");
        assertThat(w.get("placement").asText()).isEqualTo("bottom-right");
        assertThat(w.get("feedback_mode").asText()).isEqualTo("none");
        assertThat(w.get("bg_color").asText()).isEqualTo("#ffffff");
        assertThat(w.get("btn_color").asText()).isEqualTo("#000000");
        assertThat(w.get("avatar")).isEqualTo(Json.MAPPER.createObjectNode().put("type", "orb").put("color_1", "#2792dc").put("color_2", "#9ce6e6"));
        assertThat(w.get("text_input_enabled").asBoolean()).isTrue();
        assertThat(w.get("shareable_page_show_terms").asBoolean()).isTrue();
        assertThat(w.get("terms_html").isNull()).isTrue();
        assertThat(w.get("language").asText()).isEqualTo("de");
        assertThat(w.get("first_message").asText()).isEqualTo("Hello there");
        assertThat(w.get("text_only").asBoolean()).isFalse();
        assertThat(w.get("use_rtc").asBoolean()).isFalse();
        assertThat(w.get("text_contents").has("start_call")).isTrue();
        // with a key too
        var keyed = server.get(widget(id));
        assertThat(keyed.status()).isEqualTo(200);
        assertThat(keyed.json()).isEqualTo(r.json());
    }

    @Test
    void the_agent_s_widget_settings_come_back_checked_and_terms_as_safe_html() {
        String id = create("{'name':'Styled','platform_settings':{'widget':{'variant':'compact','bg_color':'#101010','btn_color':'#ff5500',"
                + "'text_color':5,'placement':'sideways','feedback_mode':'end','action_text':'Ask us','border_radius':12,"
                + "'terms_text':'Read **this** and [the policy](https://example.com/p?a=1&b=2).\\n\\n<script>alert(1)</script>',"
                + "'terms_key':'t1','text_contents':{'start_call':'Talk','input_placeholder':7},'styles':{'accent':'#00ff00','button_radius':8},"
                + "'avatar':{'type':'orb','color_1':'#111111','color_2':'#222222'}}}}");
        var r = anonymous(widget(id), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", WIDGET, r);
        JsonNode w = r.json().get("widget_config");
        assertThat(w.get("variant").asText()).isEqualTo("compact");
        assertThat(w.get("bg_color").asText()).isEqualTo("#101010");
        assertThat(w.get("btn_color").asText()).isEqualTo("#ff5500");
        assertThat(w.get("text_color").asText()).as("a wrong type: the default").isEqualTo("#000000");
        assertThat(w.get("placement").asText()).as("not in the enum: the default").isEqualTo("bottom-right");
        assertThat(w.get("feedback_mode").asText()).isEqualTo("end");
        assertThat(w.get("action_text").asText()).isEqualTo("Ask us");
        assertThat(w.get("border_radius").asInt()).isEqualTo(12);
        assertThat(w.at("/text_contents/start_call").asText()).isEqualTo("Talk");
        assertThat(w.at("/text_contents/input_placeholder").isNull()).isTrue();
        assertThat(w.at("/styles/accent").asText()).isEqualTo("#00ff00");
        assertThat(w.at("/styles/button_radius").asDouble()).isEqualTo(8.0);
        assertThat(w.at("/avatar/color_1").asText()).isEqualTo("#111111");
        assertThat(w.get("terms_key").asText()).isEqualTo("t1");
        assertThat(w.get("terms_html").asText()).isEqualTo("<p>Read <strong>this</strong> and <a href=\"https://example.com/p?a=1&amp;b=2\" "
                + "target=\"_blank\" rel=\"noopener noreferrer\">the policy</a>.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void an_agent_that_requires_authentication_needs_a_key_or_a_signature() {
        String id = create("{'name':'Private','platform_settings':{'auth':{'enable_auth':true}}}");
        var r = anonymous(widget(id), "https://shop.example");
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("needs_authorization");
        assertThat(server.get(widget(id)).status()).isEqualTo(200);
        String signedUrl = server.get("/v1/convai/conversation/get-signed-url?agent_id=" + id + "&include_conversation_id=true")
                .json().get("signed_url").asText();
        String signature = signedUrl.substring(signedUrl.indexOf("conversation_signature=") + "conversation_signature=".length());
        var signed = anonymous(widget(id) + "?conversation_signature=" + signature, null);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", WIDGET, signed);
        assertThat(anonymous(widget(id) + "?conversation_signature=" + signature, null).status()).as("reading does not spend it").isEqualTo(200);
        assertThat(anonymous(widget(id) + "?conversation_signature=forged.sig", null).status()).isEqualTo(401);
        String other = create("{'name':'Other','platform_settings':{'auth':{'enable_auth':true}}}");
        assertThat(anonymous(widget(other) + "?conversation_signature=" + signature, null).status()).as("another agent's").isEqualTo(401);
    }

    @Test
    void the_allowlist_decides_which_pages_may_embed_the_agent() {
        String id = create("{'name':'Listed','platform_settings':{'auth':{'allowlist':[{'hostname':'shop.example'},{'hostname':'localhost:3000'}]}}}");
        assertThat(anonymous(widget(id), "https://shop.example").status()).isEqualTo(200);
        assertThat(anonymous(widget(id), "http://localhost:3000").status()).isEqualTo(200);
        var denied = anonymous(widget(id), "https://evil.example");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(denied.json().at("/detail/status").asText()).isEqualTo("origin_not_allowed");
        assertThat(denied.json().at("/detail/message").asText()).contains("https://evil.example").contains("allowlist");
        assertThat(anonymous(widget(id), "http://localhost:3001").status()).isEqualTo(403);
        assertThat(anonymous(widget(id), null).status()).as("no Origin").isEqualTo(403);
        var keyed = server.send(server.builder(widget(id)).header("Origin", "https://evil.example").GET());
        assertThat(keyed.status()).as("an API key passes").isEqualTo(200);
    }

    @Test
    void unknown_agents_and_bad_keys() {
        var r = anonymous(widget("agent_nothing_here"), null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("agent_not_found");
        assertThat(server.get(widget("agent_nothing_here")).status()).isEqualTo(404);
        String id = create("{'name':'Public'}");
        var bad = server.send(server.builder(widget(id)).setHeader("xi-api-key", "sk_wrong").GET());
        assertThat(bad.status()).as("a key that is given is checked").isEqualTo(401);
        assertThat(bad.json().at("/detail/status").asText()).isEqualTo("invalid_api_key");
    }

    @Test
    void only_the_widget_routes_skip_the_key() {
        String id = create("{'name':'Public'}");
        for (String path : new String[] {"/v1/convai/agents/" + id, "/v1/convai/agents/" + id + "/link", widget(id) + "/x",
                "/v1/convai/agents", "/v1/convai/conversations/conv_x"}) {
            assertThat(anonymous(path, null).status()).as(path).isEqualTo(401);
        }
        var upload = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/convai/agents/" + id + "/avatar")))
                .header("Content-Type", new Multipart().file("avatar_file", "a.png", "image/png", PNG).contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart().file("avatar_file", "a.png", "image/png", PNG).bytes())));
        assertThat(upload.status()).as("uploading an avatar needs a key").isEqualTo(401);
    }

    @Test
    void an_uploaded_avatar_is_stored_served_publicly_and_set_on_the_widget() {
        String id = create("{'name':'Face'}");
        var r = server.postMultipart("/v1/convai/agents/" + id + "/avatar", new Multipart().file("avatar_file", "face.png", "image/png", PNG));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/avatar", r);
        assertThat(r.json().get("agent_id").asText()).isEqualTo(id);
        String url = r.json().get("avatar_url").asText();
        assertThat(url).startsWith(server.url("/convai-widget/avatars/" + id + "/")).endsWith(".png");
        String path = URI.create(url).getPath();
        var image = anonymous(path, "https://shop.example");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        JsonNode avatar = anonymous(widget(id), null).json().at("/widget_config/avatar");
        assertThat(avatar.get("type").asText()).isEqualTo("image");
        assertThat(avatar.get("url").asText()).isEqualTo(url);
        // a new image replaces the old one
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
        var second = server.postMultipart("/v1/convai/agents/" + id + "/avatar", new Multipart().file("avatar_file", "x.bin", "text/plain", gif));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("avatar_url").asText()).endsWith(".gif");
        assertThat(anonymous(URI.create(second.json().get("avatar_url").asText()).getPath(), null).header("Content-Type")).isEqualTo("image/gif");
        assertThat(anonymous(path, null).status()).as("the previous image is gone").isEqualTo(404);
        var traversal = anonymous("/convai-widget/avatars/" + id + "/..%2f..%2fsecrets.key", null);
        assertThat(traversal.status()).isEqualTo(404);
        assertThat(traversal.json().at("/detail/status").asText()).isEqualTo("avatar_not_found");
    }

    @Test
    void bad_avatars_are_refused_in_elevenlabs_shapes() {
        String id = create("{'name':'Face'}");
        String path = "/v1/convai/agents/" + id + "/avatar";
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var notImage = server.postMultipart(path, new Multipart().file("avatar_file", "evil.png", "image/png", html));
        assertThat(notImage.status()).isEqualTo(422);
        assertThat(notImage.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"avatar_file\"]");
        var missing = server.postMultipart(path, new Multipart().field("other", "x"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/detail/0/type").asText()).isEqualTo("missing");
        byte[] huge = new byte[WidgetService.MAX_AVATAR_BYTES + 1024];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        assertThat(server.postMultipart(path, new Multipart().file("avatar_file", "big.png", "image/png", huge)).status()).isEqualTo(413);
        assertThat(server.postMultipart("/v1/convai/agents/agent_nothing/avatar", new Multipart().file("avatar_file", "a.png", "image/png", PNG))
                .status()).isEqualTo(404);
        var json = server.postJson(path, "{}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().at("/detail/status").asText()).isEqualTo("invalid_content_type");
        assertThat(anonymous(widget(id), null).json().at("/widget_config/avatar/type").asText()).isEqualTo("orb");
    }

    @Test
    void the_talk_to_page_shows_a_public_agent_and_explains_the_others() {
        String id = create("{'name':'Ada <b>&</b> co','platform_settings':{'widget':{'shareable_page_text':'Ask about <orders>'}}}");
        var r = anonymous("/talk-to?agent_id=" + id, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(r.text()).contains("<h1>Ada &lt;b&gt;&amp;&lt;/b&gt; co</h1>").contains("Ask about &lt;orders&gt;")
                .contains("<elevenlabs-convai agent-id=\"" + id + "\" variant=\"expanded\">").contains("src=\"/convai-widget-embed.js\"");
        var unknown = anonymous("/talk-to?agent_id=" + URLEncoder.encode("agent_\"><script>", StandardCharsets.UTF_8), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("Agent not found").contains("agent_&quot;&gt;&lt;script&gt;").doesNotContain("<script>");
        String privateAgent = create("{'name':'Secret','platform_settings':{'auth':{'enable_auth':true}}}");
        var forbidden = anonymous("/talk-to?agent_id=" + privateAgent, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text()).contains("private").doesNotContain("Secret");
        assertThat(anonymous("/talk-to", null).status()).isEqualTo(400);
        var api = server.send(HttpRequest.newBuilder(URI.create(server.url("/talk-to?agent_id=agent_missing"))).GET());
        assertThat(api.status()).as("not a browser: an error body").isEqualTo(404);
        assertThat(api.json().at("/detail/status").asText()).isEqualTo("agent_not_found");
    }

    @Test
    void overall_feedback_comes_without_a_key_only_for_recent_conversations_of_public_agents() {
        String publicAgent = create("{'name':'Public','platform_settings':{'auth':{'allowlist':[{'hostname':'shop.example'}]}}}");
        String privateAgent = create("{'name':'Private','platform_settings':{'auth':{'enable_auth':true}}}");
        String recent = conversation(publicAgent, Instant.now());
        String old = conversation(publicAgent, Instant.now().minus(Duration.ofDays(3)));
        String ofPrivate = conversation(privateAgent, Instant.now());
        assertThat(feedback(recent, "https://shop.example").status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/conversations/" + recent).json().at("/metadata/feedback/overall_score").asText()).isEqualTo("like");
        assertThat(feedback(recent, "https://evil.example").status()).as("origin not allowed").isEqualTo(401);
        assertThat(feedback(old, "https://shop.example").status()).as("too old").isEqualTo(401);
        assertThat(feedback(ofPrivate, null).status()).as("private agent").isEqualTo(401);
        assertThat(feedback("conv_unknown", "https://shop.example").status()).isEqualTo(401);
        assertThat(server.postJson("/v1/convai/conversations/" + old + "/feedback", "{\"feedback\":\"dislike\"}").status()).as("with a key").isEqualTo(200);
    }

    static String conversation(String agentId, Instant start) {
        String id = "conv_" + Ids.random();
        ObjectNode data = Json.MAPPER.createObjectNode();
        server.timbre().services().conversations().started(new ConversationStart(id, agentId, "Agent", null, start, true, "widget", "1",
                "public", data, "en"));
        return id;
    }

    static TestServer.Response feedback(String conversationId, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/v1/convai/conversations/" + conversationId + "/feedback")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":\"like\"}"));
        if (origin != null) b.header("Origin", origin);
        return server.send(b);
    }
}
