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

    record Page(int status, String html) {}

    /** Scripts from this server only (and the audio worklets the client makes from blob: or data: URLs); styles inline (the widget's shadow DOM); the conversation socket; images anywhere (avatars). */
    static final String CSP = "default-src 'self'; script-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; "
            + "connect-src 'self' ws: wss:; media-src 'self' blob: data:; worker-src 'self' blob: data:; frame-ancestors 'none'; base-uri 'none'";

    static Page of(String agentId, Optional<ObjectNode> agent) {
        if (agentId == null || agentId.isBlank()) {
            return message(400, "No agent chosen", "This link names no agent: add <code>?agent_id=…</code> to the address.");
        }
        if (agent.isEmpty()) {
            return message(404, "Agent not found", "There is no agent <code>" + escape(agentId) + "</code> on this server. The link may be "
                    + "mistyped, or the agent was deleted.");
        }
        JsonNode a = agent.get();
        if (a.path("platform_settings").path("auth").path("enable_auth").asBoolean(false)) {
            return message(403, "This agent is private", "This agent requires authentication, so it cannot be talked to from a shared "
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
        return new Page(200, page("Talk to " + escape(name), body));
    }

    private static Page message(int status, String title, String html) {
        return new Page(status, page(escape(title), "<main><h1>" + escape(title) + "</h1><p role=\"alert\">" + html + "</p></main>"));
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
