package dev.timbre.convai.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;

/**
 * Workspace settings ({@code GetConvAISettingsResponseModel}) and dashboard settings
 * ({@code GetConvAIDashboardSettingsResponseModel}): JSON documents over defaults; a PATCH replaces the fields it names.
 */
public final class SettingsService {
    static final String SETTINGS = "settings";
    static final String DASHBOARD = "dashboard";

    private final SettingsRepository repository;

    public SettingsService(SettingsRepository repository) {
        this.repository = repository;
    }

    static ObjectNode defaultSettings() {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.putNull("conversation_initiation_client_data_webhook");
        d.putObject("webhooks").putNull("post_call_webhook_id").put("send_audio", false);
        d.put("can_use_mcp_servers", false);
        d.put("rag_retention_period_days", 10);
        d.put("default_livekit_stack", "standard");
        return d;
    }

    static ObjectNode defaultDashboard() {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.putArray("charts");
        return d;
    }

    public ObjectNode settings() {
        return load(SETTINGS, defaultSettings());
    }

    public ObjectNode updateSettings(ObjectNode patch) {
        SettingsChecks.settings(patch);
        return save(SETTINGS, settings(), patch);
    }

    public ObjectNode dashboard() {
        return load(DASHBOARD, defaultDashboard());
    }

    public ObjectNode updateDashboard(ObjectNode patch) {
        SettingsChecks.dashboard(patch);
        return save(DASHBOARD, dashboard(), patch);
    }

    private synchronized ObjectNode save(String kind, ObjectNode current, ObjectNode patch) {
        SettingsChecks.merge(current, patch);
        repository.put(kind, current.toString());
        return current;
    }

    private ObjectNode load(String kind, ObjectNode defaults) {
        repository.find(kind).ifPresent(body -> SettingsChecks.merge(defaults, parse(body)));
        return defaults;
    }

    private static ObjectNode parse(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return (ObjectNode) n;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored settings are malformed", e);
        }
    }
}
