package dev.timbre.pronunciationdictionaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The eight {@code /v1/pronunciation-dictionaries} endpoints, and locators on text to speech (fake engine). */
@Tag("integration")
class PronunciationDictionariesApiTest {
    static final String BASE = "/v1/pronunciation-dictionaries";
    static final String PLS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en-US">
              <lexeme><grapheme>tomato</grapheme><phoneme>təˈmeɪtoʊ</phoneme></lexeme>
              <lexeme><grapheme>UN</grapheme><alias>United Nations</alias></lexeme>
              <lexeme><grapheme>nginx</grapheme><phoneme alphabet="cmu-arpabet">EH1 N JH IH0 N EH1 K S</phoneme></lexeme>
            </lexicon>
            """;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode fromRules(String name, List<Map<String, String>> rules) {
        var r = server.postJson(BASE + "/add-from-rules", Map.of("name", name, "rules", rules));
        OpenApiContract.assertConforms("POST", BASE + "/add-from-rules", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static Map<String, String> alias(String from, String to) {
        return Map.of("string_to_replace", from, "type", "alias", "alias", to);
    }

    @Test
    void a_pls_file_becomes_a_dictionary_and_downloads_as_the_same_rules() {
        var r = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "From file").field("description", "names")
                .file("file", "names.pls", "application/pls+xml", PLS.getBytes(StandardCharsets.UTF_8)));
        OpenApiContract.assertConforms("POST", BASE + "/add-from-file", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode added = r.json();
        assertThat(added.get("version_rules_num").asInt()).isEqualTo(3);
        assertThat(added.get("description").asText()).isEqualTo("names");
        assertThat(added.get("permission_on_resource").asText()).isEqualTo("admin");

        var download = server.get(BASE + "/" + added.get("id").asText() + "/" + added.get("version_id").asText() + "/download");
        OpenApiContract.assertConforms("GET", BASE + "/{dictionary_id}/{version_id}/download", download);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-type")).startsWith("text/plain");
        assertThat(download.header("content-disposition")).contains("attachment").contains(".pls");
        List<PronunciationRule> again = PlsLexicon.parse(download.body());
        assertThat(again).containsExactlyElementsOf(PlsLexicon.parse(PLS.getBytes(StandardCharsets.UTF_8)));
        assertThat(again).contains(PronunciationRule.phoneme("nginx", "EH1 N JH IH0 N EH1 K S", "cmu-arpabet"),
                PronunciationRule.alias("UN", "United Nations"));
    }

    @Test
    void every_change_makes_a_version_and_old_versions_stay_downloadable() {
        JsonNode added = fromRules("Versions", List.of(alias("AI", "artificial intelligence"), alias("TTS", "text to speech")));
        String id = added.get("id").asText(), v1 = added.get("version_id").asText();
        assertThat(added.get("version_rules_num").asInt()).isEqualTo(2);

        var add = server.postJson(BASE + "/" + id + "/add-rules", Map.of("rules", List.of(alias("AI", "A.I."),
                Map.of("string_to_replace", "Thailand", "type", "phoneme", "phoneme", "ˈtaɪlænd", "alphabet", "ipa"))));
        OpenApiContract.assertConforms("POST", BASE + "/{pronunciation_dictionary_id}/add-rules", add);
        assertThat(add.status()).as(add.toString()).isEqualTo(200);
        String v2 = add.json().get("version_id").asText();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(add.json().get("version_rules_num").asInt()).isEqualTo(3); // "AI" replaced, "Thailand" added

        var remove = server.postJson(BASE + "/" + id + "/remove-rules", Map.of("rule_strings", List.of("TTS", "not there")));
        OpenApiContract.assertConforms("POST", BASE + "/{pronunciation_dictionary_id}/remove-rules", remove);
        assertThat(remove.status()).isEqualTo(200);
        String v3 = remove.json().get("version_id").asText();
        assertThat(remove.json().get("version_rules_num").asInt()).isEqualTo(2);

        var get = server.get(BASE + "/" + id);
        OpenApiContract.assertConforms("GET", BASE + "/{pronunciation_dictionary_id}", get);
        assertThat(get.json().get("rules")).hasSize(2); // the latest version's, as the SDK's get() expects
        assertThat(get.json().get("rules").get(0).get("string_to_replace").asText()).isEqualTo("AI");
        assertThat(get.json().get("latest_version_id").asText()).isEqualTo(v3);
        assertThat(get.json().get("latest_version_rules_num").asInt()).isEqualTo(2);

        assertThat(rules(id, v1)).containsExactly(PronunciationRule.alias("AI", "artificial intelligence"), PronunciationRule.alias("TTS", "text to speech"));
        assertThat(rules(id, v2)).containsExactly(PronunciationRule.alias("AI", "A.I."), PronunciationRule.alias("TTS", "text to speech"),
                PronunciationRule.phoneme("Thailand", "ˈtaɪlænd", "ipa"));
        assertThat(rules(id, v3)).containsExactly(PronunciationRule.alias("AI", "A.I."), PronunciationRule.phoneme("Thailand", "ˈtaɪlænd", "ipa"));
        assertThat(server.get(BASE + "/" + id + "/nosuchversion/download").status()).isEqualTo(404);
    }

    static List<PronunciationRule> rules(String id, String version) {
        var r = server.get(BASE + "/" + id + "/" + version + "/download");
        assertThat(r.status()).isEqualTo(200);
        return PlsLexicon.parse(r.body());
    }

    @Test
    void update_renames_and_archives_and_the_list_pages_and_sorts() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("zeta list", "alpha list", "mid list")) ids.add(fromRules(name, List.of(alias("x", "y"))).get("id").asText());

        var renamed = server.patchJson(BASE + "/" + ids.get(2), "{\"name\":\"beta list\"}");
        OpenApiContract.assertConforms("PATCH", BASE + "/{pronunciation_dictionary_id}", renamed);
        assertThat(renamed.json().get("name").asText()).isEqualTo("beta list");
        assertThat(renamed.json().get("latest_version_rules_num").asInt()).isEqualTo(1);

        var page1 = server.get(BASE + "?page_size=2&sort=name&sort_direction=ascending");
        OpenApiContract.assertConforms("GET", BASE, page1);
        List<String> names = new ArrayList<>();
        String cursor = null;
        var page = page1;
        while (true) {
            page.json().get("pronunciation_dictionaries").forEach(d -> names.add(d.get("name").asText()));
            if (!page.json().get("has_more").asBoolean()) break;
            cursor = page.json().get("next_cursor").asText();
            page = server.get(BASE + "?page_size=2&sort=name&sort_direction=ascending&cursor=" + cursor);
        }
        assertThat(cursor).isNotNull();
        List<String> ours = names.stream().filter(n -> n.endsWith(" list")).toList();
        assertThat(ours).containsExactly("alpha list", "beta list", "zeta list");
        assertThat(names).isSorted();

        var newest = server.get(BASE + "?page_size=100").json().get("pronunciation_dictionaries");
        assertThat(newest.get(0).get("id").asText()).isEqualTo(ids.get(2)); // default: creation time, descending

        var archived = server.patchJson(BASE + "/" + ids.get(0), "{\"archived\":true}");
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("archived_time_unix").isNumber()).isTrue();
        var all = server.get(BASE + "?page_size=100").json().get("pronunciation_dictionaries");
        all.forEach(d -> assertThat(d.get("id").asText()).isNotEqualTo(ids.get(0)));
        assertThat(server.get(BASE + "/" + ids.get(0)).status()).isEqualTo(200); // still readable by id

        assertThat(server.get(BASE + "?page_size=101").status()).isEqualTo(422);
        assertThat(server.get(BASE + "?sort=voices").status()).isEqualTo(422);
        assertThat(server.get(BASE + "/nosuchdictionary").status()).isEqualTo(404);
        assertThat(server.patchJson(BASE + "/nosuchdictionary", "{\"name\":\"n\"}").status()).isEqualTo(404);
    }

    @Test
    void bad_rules_are_422s_that_name_the_field() {
        var noRules = server.postJson(BASE + "/add-from-rules", Map.of("name", "n"));
        OpenApiContract.assertConforms("POST", BASE + "/add-from-rules", noRules);
        assertThat(noRules.status()).isEqualTo(422);
        var badType = server.postJson(BASE + "/add-from-rules", Map.of("name", "n", "rules", List.of(Map.of("string_to_replace", "a", "type", "sound", "alias", "b"))));
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"rules\",0,\"type\"]");
        var options = server.postJson(BASE + "/add-from-rules", Map.of("name", "n", "rules", List.of(Map.of("string_to_replace", "nasa",
                "type", "alias", "alias", "NASA", "case_sensitive", false, "word_boundaries", false))));
        assertThat(options.status()).isEqualTo(200);
        var kept = server.get(BASE + "/" + options.json().get("id").asText()).json().get("rules").get(0);
        assertThat(kept.get("case_sensitive").asBoolean(true)).isFalse();
        assertThat(kept.get("word_boundaries").asBoolean(true)).isFalse();
        var badAlphabet = server.postJson(BASE + "/add-from-rules", Map.of("name", "n", "rules", List.of(
                Map.of("string_to_replace", "a", "type", "phoneme", "phoneme", "b", "alphabet", "klingon"))));
        assertThat(badAlphabet.status()).isEqualTo(422);
        var empty = server.postJson(BASE + "/add-from-rules", Map.of("name", "n", "rules", List.of(alias("", "b"))));
        assertThat(empty.status()).isEqualTo(422);
        var noName = server.postMultipart(BASE + "/add-from-file", new Multipart().file("file", "x.pls", "text/xml", PLS.getBytes(StandardCharsets.UTF_8)));
        assertThat(noName.status()).isEqualTo(422);
    }

    @Test
    void a_file_that_is_not_a_pls_lexicon_is_a_400_naming_the_line() {
        String broken = "<?xml version=\"1.0\"?>\n<lexicon version=\"1.0\" alphabet=\"ipa\">\n  <lexeme><grapheme>a</grapheme>\n</lexicon>\n";
        var r = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "bad")
                .file("file", "bad.pls", "text/xml", broken.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").get("status").asText()).isEqualTo("invalid_pls");
        assertThat(r.json().get("detail").get("message").asText()).contains("line 4");

        var notPls = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "bad")
                .file("file", "x.pls", "text/xml", "<?xml version=\"1.0\"?>\n\n<html><body/></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(notPls.status()).isEqualTo(400);
        assertThat(notPls.json().get("detail").get("message").asText()).contains("line 3").contains("<lexicon>");

        var noAlias = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "bad")
                .file("file", "x.pls", "text/xml", "<lexicon alphabet=\"ipa\">\n<lexeme>\n<grapheme>a</grapheme>\n</lexeme>\n</lexicon>".getBytes(StandardCharsets.UTF_8)));
        assertThat(noAlias.status()).isEqualTo(400);
        assertThat(noAlias.json().get("detail").get("message").asText()).contains("line 2");

        var mp3 = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "bad")
                .file("file", "x.mp3", "audio/mpeg", new byte[]{(byte) 0xFF, (byte) 0xFB, 0x10, 0x00}));
        assertThat(mp3.status()).isEqualTo(400);
        assertThat(mp3.json().get("detail").get("message").asText()).contains("line 1");
    }

    @Test
    void external_entities_and_doctypes_are_refused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE lexicon [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<lexicon alphabet=\"ipa\"><lexeme><grapheme>a</grapheme><alias>&x;</alias></lexeme></lexicon>";
        var r = server.postMultipart(BASE + "/add-from-file", new Multipart().field("name", "xxe")
                .file("file", "x.pls", "text/xml", xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).doesNotContain("root:");
    }

    @Test
    void an_alias_changes_the_spoken_text_while_the_alignment_keeps_the_written_one() {
        JsonNode d = fromRules("Spoken", List.of(alias("UN", "United Nations")));
        String text = "The UN met. The un met. UNESCO met.";
        var r = server.postJson("/v1/text-to-speech/" + server.firstVoiceId() + "/with-timestamps", Map.of("text", text,
                "pronunciation_dictionary_locators", List.of(Map.of("pronunciation_dictionary_id", d.get("id").asText(),
                        "version_id", d.get("version_id").asText()))));
        OpenApiContract.assertConforms("POST", "/v1/text-to-speech/{voice_id}/with-timestamps", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(String.join("", strings(r.json().get("alignment").get("characters")))).isEqualTo(text);
        assertThat(String.join("", strings(r.json().get("normalized_alignment").get("characters"))))
                .isEqualTo("The United Nations met. The un met. UNESCO met.");
    }

    @Test
    void the_stream_input_socket_speaks_with_the_dictionaries_of_its_first_message() throws Exception {
        JsonNode d = fromRules("Socket", List.of(alias("UN", "United Nations")));
        try (dev.timbre.testing.TestSocket s = dev.timbre.testing.TestSocket.open(server,
                "/v1/text-to-speech/" + server.firstVoiceId() + "/stream-input", TestServer.KEY)) {
            s.send(Map.of("text", " ", "pronunciation_dictionary_locators", List.of(Map.of("pronunciation_dictionary_id",
                    d.get("id").asText(), "version_id", d.get("version_id").asText()))));
            s.send(Map.of("text", "The UN met. "));
            s.send(Map.of("text", ""));
            List<JsonNode> messages = new ArrayList<>();
            assertThat(s.messagesUntilClosed(messages).code()).isEqualTo(1000);
            StringBuilder written = new StringBuilder(), spoken = new StringBuilder();
            for (JsonNode m : messages) {
                if (m.hasNonNull("alignment")) m.get("alignment").get("chars").forEach(c -> written.append(c.asText()));
                if (m.hasNonNull("normalizedAlignment")) m.get("normalizedAlignment").get("chars").forEach(c -> spoken.append(c.asText()));
            }
            assertThat(written.toString()).contains("The UN met.");
            assertThat(spoken.toString()).contains("The United Nations met.");
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void locators_naming_nothing_are_refused_before_any_audio() {
        JsonNode d = fromRules("Locators", List.of(alias("a", "b")));
        String voice = "/v1/text-to-speech/" + server.firstVoiceId();
        var unknown = server.postJson(voice, Map.of("text", "Hello.", "pronunciation_dictionary_locators",
                List.of(Map.of("pronunciation_dictionary_id", "nosuchdictionary", "version_id", "v"))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").get("status").asText()).isEqualTo("pronunciation_dictionary_not_found");
        var wrongVersion = server.postJson(voice + "/stream", Map.of("text", "Hello.", "pronunciation_dictionary_locators",
                List.of(Map.of("pronunciation_dictionary_id", d.get("id").asText(), "version_id", "nosuchversion"))));
        assertThat(wrongVersion.status()).isEqualTo(404);
        Map<String, String> ok = Map.of("pronunciation_dictionary_id", d.get("id").asText(), "version_id", d.get("version_id").asText());
        var four = server.postJson(voice, Map.of("text", "Hello.", "pronunciation_dictionary_locators", List.of(ok, ok, ok, ok)));
        OpenApiContract.assertConforms("POST", "/v1/text-to-speech/{voice_id}", four);
        assertThat(four.status()).isEqualTo(422);
        var three = server.postJson(voice, Map.of("text", "Hello.", "pronunciation_dictionary_locators", List.of(ok, ok, ok)));
        assertThat(three.status()).isEqualTo(200);
        var dialogue = server.postJson("/v1/text-to-dialogue", Map.of("inputs", List.of(Map.of("text", "Hi.", "voice_id", server.firstVoiceId())),
                "pronunciation_dictionary_locators", List.of(Map.of("pronunciation_dictionary_id", "nosuchdictionary", "version_id", "v"))));
        assertThat(dialogue.status()).isEqualTo(404);
    }
}
