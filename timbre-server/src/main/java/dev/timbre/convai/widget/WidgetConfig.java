package dev.timbre.convai.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Set;

/**
 * {@code GetAgentEmbedResponseModel} from an agent (its view, defaults filled): {@code widget_config} holds every
 * field of {@code WidgetConfigResponseModel}, taken from {@code platform_settings.widget} when it has the right type
 * and otherwise the schema's default, so a stored value of the wrong type never breaks a client. {@code language},
 * {@code first_message} and {@code text_only} come from the agent's {@code conversation_config}; {@code terms_html}
 * is made here from {@code terms_text} (a small, escaped Markdown subset, {@link TermsMarkdown}), so a widget may
 * insert it as HTML. Stateless.
 */
final class WidgetConfig {
    private WidgetConfig() {}

    private static final Set<String> VARIANTS = Set.of("tiny", "compact", "full", "expandable");
    private static final Set<String> PLACEMENTS = Set.of("top-left", "top", "top-right", "bottom-left", "bottom", "bottom-right");
    private static final Set<String> EXPANDABLE = Set.of("never", "mobile", "desktop", "always");
    private static final Set<String> FEEDBACK = Set.of("none", "during", "end");

    /** Colours: name and default. */
    private static final List<String[]> COLOURS = List.of(new String[] {"bg_color", "#ffffff"}, new String[] {"text_color", "#000000"},
            new String[] {"btn_color", "#000000"}, new String[] {"btn_text_color", "#ffffff"}, new String[] {"border_color", "#e1e1e1"},
            new String[] {"focus_color", "#000000"});
    private static final List<String> TEXTS = List.of("action_text", "start_call_text", "end_call_text", "expand_text", "listening_text",
            "speaking_text", "shareable_page_text");
    /** Booleans: name and default. */
    private static final List<Object[]> FLAGS = List.of(new Object[] {"shareable_page_show_terms", true},
            new Object[] {"show_avatar_when_collapsed", false}, new Object[] {"disable_banner", false},
            new Object[] {"mic_muting_enabled", false}, new Object[] {"transcript_enabled", false},
            new Object[] {"text_input_enabled", true}, new Object[] {"default_expanded", false}, new Object[] {"always_expanded", false});
    static final List<String> TEXT_CONTENTS = List.of("main_label", "start_call", "start_chat", "new_call", "end_call", "mute_microphone",
            "change_language", "collapse", "expand", "copied", "accept_terms", "dismiss_terms", "listening_status", "speaking_status",
            "connecting_status", "chatting_status", "input_label", "input_placeholder", "input_placeholder_text_only",
            "input_placeholder_new_conversation", "user_ended_conversation", "agent_ended_conversation", "conversation_id",
            "error_occurred", "copy_id");
    private static final List<String> STYLE_COLOURS = List.of("base", "base_hover", "base_active", "base_border", "base_subtle",
            "base_primary", "base_error", "accent", "accent_hover", "accent_active", "accent_border", "accent_subtle", "accent_primary");
    private static final List<String> STYLE_SIZES = List.of("overlay_padding", "button_radius", "input_radius", "bubble_radius",
            "sheet_radius", "compact_sheet_radius", "dropdown_sheet_radius");
    /** Longest text a stored string field contributes (the widget shows them; the agent's owner wrote them). */
    static final int MAX_TEXT = 20_000;

    static ObjectNode response(String agentId, JsonNode agent) {
        JsonNode w = agent.path("platform_settings").path("widget");
        JsonNode conversation = agent.path("conversation_config");
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("variant", oneOf(w, "variant", VARIANTS, "full"));
        c.put("placement", oneOf(w, "placement", PLACEMENTS, "bottom-right"));
        c.put("expandable", oneOf(w, "expandable", EXPANDABLE, "never"));
        c.set("avatar", avatar(w.path("avatar")));
        c.put("feedback_mode", oneOf(w, "feedback_mode", FEEDBACK, "none"));
        for (String[] colour : COLOURS) c.put(colour[0], text(w, colour[0], colour[1]));
        c.set("border_radius", integer(w.get("border_radius")));
        c.set("btn_radius", integer(w.get("btn_radius")));
        for (String t : TEXTS) c.put(t, text(w, t, null));
        String terms = text(w, "terms_text", null);
        c.put("terms_text", terms);
        c.put("terms_html", terms != null ? TermsMarkdown.html(terms) : plainHtml(text(w, "terms_html", null)));
        c.put("terms_key", text(w, "terms_key", null));
        for (Object[] flag : FLAGS) {
            JsonNode v = w.get((String) flag[0]);
            c.put((String) flag[0], v != null && v.isBoolean() ? v.asBoolean() : (Boolean) flag[1]);
        }
        c.put("override_link", text(w, "override_link", null));
        c.set("text_contents", texts(w.path("text_contents")));
        c.set("styles", styles(w.path("styles")));
        c.put("language", text(conversation.path("agent"), "language", "en"));
        JsonNode overrides = w.get("supported_language_overrides");
        c.set("supported_language_overrides", overrides != null && overrides.isArray() && overrides.size() <= 100
                && allText(overrides) ? overrides.deepCopy() : null);
        c.set("language_presets", languagePresets(agent.path("conversation_config").path("language_presets")));
        c.put("text_only", conversation.path("conversation").path("text_only").asBoolean(false));
        JsonNode supportsTextOnly = w.get("supports_text_only");
        c.put("supports_text_only", supportsTextOnly == null || !supportsTextOnly.isBoolean() || supportsTextOnly.asBoolean());
        String first = text(conversation.path("agent"), "first_message", null);
        c.put("first_message", first == null || first.isEmpty() ? null : first);
        c.put("use_rtc", false); // Timbre's conversations run over the WebSocket
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("agent_id", agentId);
        out.set("widget_config", c);
        return out;
    }

    /** {@code OrbAvatar} (default), {@code URLAvatar} or {@code ImageAvatar}. */
    private static ObjectNode avatar(JsonNode a) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        String type = a.path("type").asText("orb");
        switch (type) {
            case "url" -> {
                out.put("type", "url");
                out.put("custom_url", text(a, "custom_url", ""));
            }
            case "image" -> {
                out.put("type", "image");
                out.put("url", text(a, "url", ""));
            }
            default -> {
                out.put("type", "orb");
                out.put("color_1", text(a, "color_1", "#2792dc"));
                out.put("color_2", text(a, "color_2", "#9ce6e6"));
            }
        }
        return out;
    }

    private static ObjectNode texts(JsonNode t) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String k : TEXT_CONTENTS) out.put(k, text(t, k, null));
        return out;
    }

    private static ObjectNode styles(JsonNode s) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String k : STYLE_COLOURS) out.put(k, text(s, k, null));
        for (String k : STYLE_SIZES) {
            JsonNode v = s.get(k);
            if (v != null && v.isNumber()) out.put(k, v.asDouble());
            else out.putNull(k);
        }
        return out;
    }

    /** {@code {language: {first_message, text_contents}}} from the agent's language presets (first message only). */
    private static ObjectNode languagePresets(JsonNode presets) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (!presets.isObject()) return out;
        int n = 0;
        for (var it = presets.fields(); it.hasNext() && n++ < 100; ) {
            var e = it.next();
            JsonNode first = e.getValue().path("overrides").path("agent").path("first_message");
            ObjectNode p = out.putObject(e.getKey());
            p.put("first_message", first.isTextual() ? cap(first.asText()) : null);
            p.putNull("text_contents");
        }
        return out;
    }

    private static String oneOf(JsonNode w, String field, Set<String> allowed, String dflt) {
        JsonNode v = w.get(field);
        return v != null && v.isTextual() && allowed.contains(v.asText()) ? v.asText() : dflt;
    }

    private static String text(JsonNode node, String field, String dflt) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? cap(v.asText()) : dflt;
    }

    private static JsonNode integer(JsonNode v) {
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? Json.MAPPER.getNodeFactory().numberNode(v.asInt())
                : Json.MAPPER.getNodeFactory().nullNode();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode v : array) if (!v.isTextual()) return false;
        return true;
    }

    private static String cap(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    /** A stored {@code terms_html} without {@code terms_text}: its text only (tags dropped, escaped), never its markup. */
    private static String plainHtml(String html) {
        if (html == null) return null;
        return TermsMarkdown.html(html.replaceAll("<[^>]*>", " "));
    }
}
