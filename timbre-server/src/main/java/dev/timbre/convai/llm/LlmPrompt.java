package dev.timbre.convai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM settings of an agent's {@code conversation_config.agent.prompt}, read leniently (a missing or mistyped
 * field counts as absent).
 *
 * <p>Whoever builds the chat requests uses {@link #request} (or {@link #temperature}/{@link #maxTokens}) so that an
 * agent's {@code temperature} and {@code max_tokens} (only values above 0 limit the reply; ElevenLabs' -1 means the
 * provider's default) reach the model.
 *
 * @param llm the agent's {@code llm} value, e.g. {@code gpt-4o-mini}; empty when absent
 * @param customLlm the {@code custom_llm} object; a missing node when absent or null
 * @param backupPreference {@code default}, {@code disabled} or {@code override} ({@code default} when absent)
 * @param backupOrder the {@code override} order of {@code llm} values
 * @param cascadeTimeoutSeconds the agent's {@code cascade_timeout_seconds}; null when absent
 */
public record LlmPrompt(String llm, JsonNode customLlm, Double temperature, Integer maxTokens, String backupPreference,
                        List<String> backupOrder, Double cascadeTimeoutSeconds) {
    public static final String CUSTOM_LLM = "custom-llm";

    public static LlmPrompt of(JsonNode prompt) {
        JsonNode p = prompt == null ? MissingNode.getInstance() : prompt;
        JsonNode custom = p.path("custom_llm");
        JsonNode backup = p.path("backup_llm_config");
        List<String> order = new ArrayList<>();
        for (JsonNode o : backup.path("order")) if (o.isTextual() && !o.asText().isBlank()) order.add(o.asText().strip());
        String preference = backup.path("preference").isTextual() ? backup.path("preference").asText() : "default";
        return new LlmPrompt(
                p.path("llm").isTextual() ? p.path("llm").asText().strip() : "",
                custom.isObject() ? custom : MissingNode.getInstance(),
                p.path("temperature").isNumber() ? p.path("temperature").asDouble() : null,
                p.path("max_tokens").isNumber() && p.path("max_tokens").asInt() > 0 ? p.path("max_tokens").asInt() : null,
                preference,
                List.copyOf(order),
                p.path("cascade_timeout_seconds").isNumber() ? p.path("cascade_timeout_seconds").asDouble() : null);
    }

    /** A request with the agent's temperature and reply limit. */
    public ChatRequest request(List<ChatMessage> messages, List<ToolSpec> tools) {
        return new ChatRequest(messages, tools, temperature, maxTokens, null);
    }

    /** Shorthand for {@code LlmPrompt.of(prompt).request(messages, tools)}. */
    public static ChatRequest request(JsonNode prompt, List<ChatMessage> messages, List<ToolSpec> tools) {
        return of(prompt).request(messages, tools);
    }
}
