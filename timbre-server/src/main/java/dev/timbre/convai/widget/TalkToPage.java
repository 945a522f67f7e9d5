package dev.timbre.convai.widget;

import static dev.timbre.convai.widget.TermsMarkdown.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code GET /talk-to?agent_id=…}: a page to share an agent by link: its name, the widget's
 * {@code shareable_page_text}, and the {@code <elevenlabs-convai>} element full page (variant {@code expanded}),
 * loaded from this server's {@code /convai-widget-embed.js}. An unknown agent gets a 404 page and an agent that
 * requires authentication a 403 page; never a stack trace. Everything from the agent is HTML-escaped.
 */
final class TalkToPage {
    private TalkToPage() {}

    /** The page; for an error also its ElevenLabs {@code code} and plain {@code message} (for clients that do not ask for HTML). */
    record Page(int status, String code, String message, String html) {}

    /** Scripts from this server only (and the audio worklets the client makes from blob: or data: URLs); styles inline (the widget's shadow DOM); the conversation socket; images anywhere (avatars). */
    static final String CSP = "default-src 'self'; script-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; "
            + "connect-src 'self' ws: wss:; media-src 'self' blob: data:; worker-src 'self' blob: data:; frame-ancestors 'none'; base-uri 'none'";

    static Page of(String agentId, Optional<ObjectNode> agent) {
        if (agentId == null || agentId.isBlank()) {
            return message(400, "missing_agent_id", "No agent chosen", "This link names no agent: add ?agent_id=… to the address.");
        }
        if (agent.isEmpty()) {
            return message(404, "agent_not_found", "Agent not found", "There is no agent '" + agentId + "' on this server. The link may be "
                    + "mistyped, or the agent was deleted.");
        }
        JsonNode a = agent.get();
        if (a.path("platform_settings").path("auth").path("enable_auth").asBoolean(false)) {
            return message(403, "agent_requires_authentication", "This agent is private", "This agent requires authentication, so it cannot be talked to from a shared "
                    + "link. Its owner can turn authentication off in the agent's settings.");
        }
        String name = a.path("name").asText("");
        if (name.isBlank()) name = "Agent";
        JsonNode description = a.path("platform_settings").path("widget").path("shareable_page_text");
        String intro = description.isTextual() && !description.asText().isBlank()
                ? "<p class=\"intro\">" + escape(description.asText()) + "</p>" : "";
        String body = "<main><h1>" + escape(name) + "</h1>" + intro
                + "<elevenlabs-convai agent-id=\"" + escape(agentId) + "\" variant=\"expanded\"></elevenlabs-convai></main>"
                + "<script src=\"/convai-widget-embed.js\"></script>";
        return new Page(200, null, null, page("Talk to " + escape(name), body));
    }

    private static Page message(int status, String code, String title, String text) {
        return new Page(status, code, text, page(escape(title), "<main><h1>" + escape(title) + "</h1><p role=\"alert\">" + escape(text) + "</p></main>"));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif;background:#f6f6f7;color:#111}"
                + "main{box-sizing:border-box;max-width:720px;margin:0 auto;padding:24px 16px;min-height:100%;display:flex;flex-direction:column}"
                + "h1{font-size:1.5rem;margin:0 0 8px}.intro{margin:0 0 16px;color:#444}"
                + "elevenlabs-convai{display:block;flex:1;min-height:480px}</style></head><body>" + body + "</body></html>";
    }
}
