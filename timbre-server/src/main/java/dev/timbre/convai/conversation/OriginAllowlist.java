package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;

/**
 * {@code platform_settings.auth.allowlist}: {@code [{"hostname": "example.com"}, {"hostname": "localhost:3000"}]}.
 * An empty list allows every origin; otherwise the {@code Origin} header's host (with its port when an entry names
 * one) must match an entry exactly. Also checked by the agent widget's configuration ({@code convai.widget}).
 */
public final class OriginAllowlist {
    private OriginAllowlist() {}

    public static boolean allows(JsonNode allowlist, String origin) {
        if (!allowlist.isArray() || allowlist.isEmpty()) return true;
        if (origin == null || origin.isBlank()) return false;
        String host;
        int port;
        try {
            URI u = URI.create(origin.trim());
            host = u.getHost();
            port = u.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) return false;
        host = host.toLowerCase(Locale.ROOT);
        for (JsonNode entry : allowlist) {
            String allowed = entry.path("hostname").asText("").trim().toLowerCase(Locale.ROOT);
            if (allowed.isEmpty()) continue;
            if (allowed.contains(":") ? allowed.equals(host + ":" + port) : allowed.equals(host)) return true;
        }
        return false;
    }
}
