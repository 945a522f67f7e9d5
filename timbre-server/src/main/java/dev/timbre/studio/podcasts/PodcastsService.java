package dev.timbre.studio.podcasts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.knowledgebase.UrlPages;
import dev.timbre.convai.knowledgebase.extract.Extracted;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.studio.NewProject;
import dev.timbre.studio.ProjectDetails;
import dev.timbre.studio.Studio;
import dev.timbre.studio.StudioRepository;
import dev.timbre.voices.VoicesService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/studio/podcasts}: the sources (text, or URLs fetched through the outbound policy) → a script
 * ({@link PodcastWriter}) → a Studio project of one chapter, one block per line in the host's or guest's voice, whose
 * conversion is queued at once. Writing happens on the request thread (a configured model: at most its timeout).
 * Thread-safe.
 */
final class PodcastsService {
    private static final Set<String> PRESETS = Set.of("standard", "high", "highest", "ultra", "ultra_lossless");
    private static final Set<String> DURATIONS = Set.of("short", "default", "long");
    static final int MAX_SOURCES = 10, MAX_TEXT_CHARS = 500_000;

    private final Studio studio;
    private final UrlPages pages;
    private final VoicesService voices;
    private final PodcastWriter writer;

    PodcastsService(Studio studio, UrlPages pages, VoicesService voices, PodcastWriter writer) {
        this.studio = studio;
        this.pages = pages;
        this.voices = voices;
        this.writer = writer;
    }

    StudioRepository.StoredProject create(JsonNode body) throws InterruptedException {
        String modelId = text(body, "model_id", true);
        JsonNode mode = body.get("mode");
        if (mode == null || !mode.isObject()) throw ApiException.invalid("Field required", "missing", "body", "mode");
        String type = text(mode, "type", true);
        boolean conversation = switch (type) {
            case "conversation" -> true;
            case "bulletin" -> false;
            default -> throw ApiException.invalid("Input should be 'conversation' or 'bulletin'", "union_tag_invalid", "body", "mode", "type");
        };
        JsonNode voicesNode = mode.get(type);
        if (voicesNode == null || !voicesNode.isObject()) throw ApiException.invalid("Field required", "missing", "body", "mode", type);
        String host = text(voicesNode, "host_voice_id", true);
        String guest = conversation ? text(voicesNode, "guest_voice_id", true) : host;
        voices.resolve(host);
        voices.resolve(guest);
        String preset = oneOf(body, "quality_preset", PRESETS, "standard");
        String duration = oneOf(body, "duration_scale", DURATIONS, "default");
        List<String> highlights = new ArrayList<>();
        JsonNode h = body.get("highlights");
        if (h != null && h.isArray()) for (JsonNode x : h) if (x.isTextual() && !x.asText().isBlank()) highlights.add(x.asText());
        Extracted source = sources(body.get("source"));
        PodcastBrief brief = new PodcastBrief(source.text(), source.title(), conversation, duration, text(body, "intro", false),
                text(body, "outro", false), text(body, "instructions_prompt", false), highlights, text(body, "language", false));
        PodcastScript script = writer.write(brief);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (PodcastScript.Line line : script.lines()) {
            blocks.add(Map.of("sub_type", "p", "nodes", List.of(Map.of("type", "tts_node", "voice_id", line.host() ? host : guest,
                    "text", line.text()))));
        }
        String content = Json.write(List.of(Map.of("name", script.title(), "blocks", blocks)));
        ProjectDetails details = new ProjectDetails(script.title(), null, null, List.of(), null, brief.language(), null, null, false,
                null, null, "genfm", false, text(body, "callback_url", false));
        return studio.projects().create(new NewProject(script.title(), host, host, modelId, null, null, content, preset, details,
                false, List.of(), "auto", true, null));
    }

    /** A text source, a URL source, or a list of them: their texts joined (the first one's title kept). */
    private Extracted sources(JsonNode source) {
        if (source == null || source.isNull()) throw ApiException.invalid("Field required", "missing", "body", "source");
        List<JsonNode> list = new ArrayList<>();
        if (source.isArray()) source.forEach(list::add);
        else list.add(source);
        if (list.isEmpty() || list.size() > MAX_SOURCES) {
            throw ApiException.invalid("Give 1 to " + MAX_SOURCES + " sources", "value_error", "body", "source");
        }
        StringBuilder text = new StringBuilder();
        String title = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String kind = s.path("type").asText("");
            Extracted e;
            if (kind.equals("text") && s.path("text").isTextual() && !s.get("text").asText().isBlank()) {
                e = new Extracted(s.get("text").asText(), null, null);
            } else if (kind.equals("url") && s.path("url").isTextual()) {
                e = pages.fetch(s.get("url").asText(), ExtractionLimits.DEFAULT);
            } else {
                throw ApiException.invalid("Expected {\"type\": \"text\", \"text\"} or {\"type\": \"url\", \"url\"}", "union_tag_invalid", "body", "source", i);
            }
            if (title == null) title = e.title();
            if (!text.isEmpty()) text.append("\n\n");
            text.append(e.text());
            if (text.length() > MAX_TEXT_CHARS) throw ApiException.tooLarge("The sources exceed " + MAX_TEXT_CHARS + " characters");
        }
        return new Extracted(text.toString(), null, title);
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) throw ApiException.invalid("Field required", "missing", "body", field);
            return null;
        }
        if (!v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", field);
        return v.asText();
    }

    private static String oneOf(JsonNode body, String field, Set<String> allowed, String dflt) {
        String v = text(body, field, false);
        if (v == null) return dflt;
        if (!allowed.contains(v)) throw ApiException.invalid("Input should be one of " + allowed, "enum", "body", field);
        return v;
    }
}
