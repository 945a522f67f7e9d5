package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.tools.RequestHeaders;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's {@code conversation_initiation_client_data_webhook} (ConvAI settings): for a conversation that starts
 * without the client's initiation data (an inbound call; telephony calls {@link #fetch} with the caller's details)
 * of an agent whose {@code platform_settings.overrides.enable_conversation_initiation_client_data_from_webhook} is
 * true, it POSTs {@code {"caller_id", "agent_id", "called_number", "call_sid"}} as JSON with the webhook's
 * {@code request_headers} (secret locators resolved) through the outbound policy, and reads the answer as
 * {@code conversation_initiation_client_data} ({@code dynamic_variables}, {@code conversation_config_override}; the
 * caller checks it with {@link Initiation#check} like a client's). Bounded: {@link #timeout} for the whole call,
 * at most {@value #MAX_RESPONSE_BYTES} bytes of answer. Thread-safe; blocking.
 */
public final class InitiationWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(InitiationWebhook.class);
    static final int MAX_RESPONSE_BYTES = 128 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** No webhook: {@link #fetch} always answers empty. */
    public static final InitiationWebhook NONE = new InitiationWebhook(() -> null, id -> null, null, DEFAULT_TIMEOUT);

    /** Who is calling: any field may be null (a web conversation has no phone numbers). */
    public record Caller(String callerId, String agentId, String calledNumber, String callSid) {}

    /** The webhook is configured but gave no usable answer; the message is safe to show the caller's client. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final Supplier<JsonNode> webhook;
    private final Function<String, String> secretValue;
    private final OutboundHttp http;
    private final Duration timeout;

    /**
     * @param webhook the settings' {@code conversation_initiation_client_data_webhook} ({@code url},
     *        {@code request_headers}), read per call; null or JSON null when none is configured
     * @param secretValue a workspace secret's value by id
     * @param http the outbound client (owned by the caller)
     */
    public InitiationWebhook(Supplier<JsonNode> webhook, Function<String, String> secretValue, OutboundHttp http, Duration timeout) {
        this.webhook = webhook;
        this.secretValue = secretValue;
        this.http = http;
        this.timeout = timeout;
    }

    /** Whether the agent asks for its initiation data from the webhook. */
    public static boolean enabledFor(JsonNode agentConfig) {
        return agentConfig.path("platform_settings").path("overrides")
                .path("enable_conversation_initiation_client_data_from_webhook").asBoolean(false);
    }

    /**
     * The initiation data the webhook answers for {@code caller}; empty when no webhook is configured.
     *
     * @throws Failed when the webhook cannot be reached, answers non-2xx or not a JSON object, or a header's secret is missing
     */
    public Optional<JsonNode> fetch(Caller caller) throws Failed {
        JsonNode hook = webhook.get();
        if (hook == null || !hook.isObject() || !hook.path("url").isTextual()) return Optional.empty();
        String url = hook.path("url").asText();
        RequestHeaders headers;
        try {
            headers = RequestHeaders.resolve(hook.path("request_headers"), secretValue, Map.of());
        } catch (IllegalArgumentException e) {
            throw new Failed("The conversation initiation webhook could not be called: " + e.getMessage());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("caller_id", caller.callerId());
        body.put("agent_id", caller.agentId());
        body.put("called_number", caller.calledNumber());
        body.put("call_sid", caller.callSid());
        Map<String, String> sent = new java.util.LinkedHashMap<>(headers.values());
        sent.keySet().removeIf(k -> k.equalsIgnoreCase("content-type") || k.equalsIgnoreCase("content-length") || k.equalsIgnoreCase("host"));
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(new OutboundRequest("POST", URI.create(url), sent, body.toString().getBytes(StandardCharsets.UTF_8),
                    "application/json", timeout), MAX_RESPONSE_BYTES);
        } catch (OutboundException | IllegalArgumentException e) {
            throw new Failed("The conversation initiation webhook could not be reached or did not answer within " + timeout.toSeconds() + " s");
        }
        if (r.status() / 100 != 2) {
            LOG.info("conversation initiation webhook {} answered HTTP {}", url, r.status());
            throw new Failed("The conversation initiation webhook answered HTTP " + r.status());
        }
        JsonNode data;
        try {
            data = r.truncated() ? null : Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            data = null;
        }
        if (data == null || !data.isObject()) {
            throw new Failed("The conversation initiation webhook's answer is not a JSON object of at most " + MAX_RESPONSE_BYTES + " bytes");
        }
        return Optional.of(data);
    }
}
