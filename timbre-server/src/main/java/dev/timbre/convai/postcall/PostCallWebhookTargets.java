package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Which webhook receives an agent's post-call events. A {@code post_call_webhook_id} (the agent's
 * {@code platform_settings.workspace_overrides.webhooks} first, then the ConvAI settings' {@code webhooks}) selects
 * the configured workspace webhook with that {@code id} (the post-call or the speech-to-text one; an id that matches
 * none selects nothing); with no id the configured post-call webhook ({@code webhooks.post_call}) is used. None → no
 * post-call webhooks are sent. Read afresh on every call, so settings changes apply to the next event.
 */
public final class PostCallWebhookTargets {
    private final TimbreConfig.Webhooks configured;
    private final Supplier<? extends JsonNode> convaiSettings;

    /** @param convaiSettings the current {@code GetConvAISettingsResponseModel} body */
    public PostCallWebhookTargets(TimbreConfig.Webhooks configured, Supplier<? extends JsonNode> convaiSettings) {
        this.configured = configured;
        this.convaiSettings = convaiSettings;
    }

    /** @param agent the agent's configuration, or null when unknown */
    public Optional<TimbreConfig.Webhook> forAgent(JsonNode agent) {
        String id = agent == null ? null : text(agent.at("/platform_settings/workspace_overrides/webhooks/post_call_webhook_id"));
        if (id == null) id = text(convaiSettings.get().at("/webhooks/post_call_webhook_id"));
        if (id == null) return Optional.ofNullable(configured.postCall()).filter(w -> w.url() != null && !w.url().isBlank());
        String wanted = id;
        return Stream.of(configured.postCall(), configured.speechToText())
                .filter(w -> w != null && wanted.equals(w.id()) && w.url() != null && !w.url().isBlank()).findFirst();
    }

    /**
     * Whether {@code post_call_audio} webhooks are sent for the agent (null when unknown): {@code send_audio} true, or
     * {@code "audio"} among the {@code events}, in the agent's {@code platform_settings.workspace_overrides.webhooks} or
     * in the ConvAI settings' {@code webhooks} (either one enables it: the agent's default {@code false} cannot be told
     * apart from an explicit one).
     */
    public boolean sendsAudio(JsonNode agent) {
        JsonNode own = agent == null ? null : agent.at("/platform_settings/workspace_overrides/webhooks");
        return asksForAudio(own) || asksForAudio(convaiSettings.get().path("webhooks"));
    }

    private static boolean asksForAudio(JsonNode webhooks) {
        if (webhooks == null || !webhooks.isObject()) return false;
        if (webhooks.path("send_audio").asBoolean(false)) return true;
        for (JsonNode e : webhooks.path("events")) if ("audio".equals(e.asText())) return true;
        return false;
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
