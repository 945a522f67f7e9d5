package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PostCallWebhookTargetsTest {
    static final TimbreConfig.Webhook POST_CALL = new TimbreConfig.Webhook("http://h/post", "s1", "wh_post");
    static final TimbreConfig.Webhook STT = new TimbreConfig.Webhook("http://h/stt", "s2", "wh_stt");

    static ObjectNode json(String s) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(s);
    }

    @Test
    void the_settings_id_selects_a_workspace_webhook_else_the_post_call_one() throws Exception {
        AtomicReference<ObjectNode> settings = new AtomicReference<>(json("{\"webhooks\": {\"post_call_webhook_id\": null}}"));
        PostCallWebhookTargets t = new PostCallWebhookTargets(new TimbreConfig.Webhooks(STT, POST_CALL), settings::get);
        assertThat(t.forAgent(null)).contains(POST_CALL);
        settings.set(json("{\"webhooks\": {\"post_call_webhook_id\": \"wh_stt\"}}"));
        assertThat(t.forAgent(null)).contains(STT);
        settings.set(json("{\"webhooks\": {\"post_call_webhook_id\": \"missing\"}}"));
        assertThat(t.forAgent(null)).isEmpty();
        ObjectNode agent = json("{\"platform_settings\": {\"workspace_overrides\": {\"webhooks\": {\"post_call_webhook_id\": \"wh_post\"}}}}");
        assertThat(t.forAgent(agent)).as("the agent's override wins").contains(POST_CALL);
    }

    @Test
    void nothing_configured_sends_nothing() throws Exception {
        ObjectNode settings = json("{\"webhooks\": {\"post_call_webhook_id\": null, \"send_audio\": false}}");
        assertThat(new PostCallWebhookTargets(new TimbreConfig.Webhooks(null), () -> settings).forAgent(null)).isEmpty();
        assertThat(new PostCallWebhookTargets(new TimbreConfig.Webhooks(STT), () -> settings).forAgent(null))
                .as("the speech-to-text webhook only when named").isEmpty();
    }

    @Test
    void audio_is_sent_when_the_agent_or_the_workspace_asks_for_it() throws Exception {
        AtomicReference<ObjectNode> settings = new AtomicReference<>(json("{\"webhooks\": {\"send_audio\": false}}"));
        PostCallWebhookTargets t = new PostCallWebhookTargets(new TimbreConfig.Webhooks(POST_CALL), settings::get);
        ObjectNode quiet = json("{\"platform_settings\": {\"workspace_overrides\": {\"webhooks\": {\"send_audio\": false}}}}");
        assertThat(t.sendsAudio(null)).isFalse();
        assertThat(t.sendsAudio(quiet)).isFalse();
        assertThat(t.sendsAudio(json("{\"platform_settings\": {\"workspace_overrides\": {\"webhooks\": {\"send_audio\": true}}}}"))).isTrue();
        assertThat(t.sendsAudio(json("{\"platform_settings\": {\"workspace_overrides\": {\"webhooks\": {\"events\": [\"transcript\", \"audio\"]}}}}")))
                .isTrue();
        settings.set(json("{\"webhooks\": {\"send_audio\": true}}"));
        assertThat(t.sendsAudio(quiet)).as("the workspace's toggle").isTrue();
        settings.set(json("{\"webhooks\": {\"events\": [\"audio\"]}}"));
        assertThat(t.sendsAudio(null)).isTrue();
    }
}
