package dev.timbre.convai.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatResult;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated side of a simulated conversation: an LLM that plays the user, configured by
 * {@code simulated_user_config} (an agent config: {@code prompt.prompt}, {@code prompt.temperature},
 * {@code first_message}). It sees the transcript with roles swapped (the agent's messages are its "user" turns) and
 * may call {@code end_call} to hang up. Stateless; {@link #next} blocks on the model and is safe from any thread.
 */
final class SimulatedUser {
    static final ToolSpec END_CALL = new ToolSpec("end_call", "Hang up: call this when the conversation is over.",
            Map.of("type", "object", "properties", Map.of("reason", Map.of("type", "string"))));
    private static final String ROLE = "You are simulating a user talking to a conversational AI agent. Reply with the"
            + " user's next message only. Call end_call when the user would end the conversation.";

    /** What the user opens with when neither side has a first message and the model has nothing to say. */
    static final String OPENING = "Hello.";

    /** The user's next move: a message, or hanging up (then {@code text} may still hold last words). */
    record Reply(String text, boolean hangsUp) {}

    private final LanguageModel model;
    private final String prompt;
    private final String firstMessage;
    private final Double temperature;

    SimulatedUser(LanguageModel model, ObjectNode config) {
        this.model = model;
        JsonNode p = config.path("prompt");
        this.prompt = p.path("prompt").asText("");
        this.firstMessage = config.path("first_message").asText("");
        this.temperature = p.path("temperature").isNumber() ? p.get("temperature").asDouble() : null;
    }

    /** The simulated user's {@code prompt} object, for choosing its model. */
    static JsonNode promptOf(ObjectNode config) {
        return config.path("prompt");
    }

    /**
     * The user's next message after {@code transcript}. With no agent message yet and a {@code first_message},
     * that is the opening line (else the model's, else {@link #OPENING}); an empty reply with no {@code end_call} counts as hanging up (nothing more to say).
     */
    Reply next(List<TranscriptEntry> transcript) {
        boolean agentSpoke = transcript.stream().anyMatch(e -> e.role().equals("agent") && e.message() != null && !e.message().isBlank());
        boolean userSpoke = transcript.stream().anyMatch(e -> e.role().equals("user"));
        if (!userSpoke && !agentSpoke && !firstMessage.isBlank()) return new Reply(firstMessage, false);
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompt.isBlank() ? ROLE : prompt + "\n\n" + ROLE));
        for (TranscriptEntry e : transcript) {
            if (e.message() == null || e.message().isBlank()) continue;
            messages.add(e.role().equals("agent") ? ChatMessage.user(e.message()) : ChatMessage.assistant(e.message()));
        }
        ChatResult r = model.complete(new ChatRequest(messages, List.of(END_CALL), temperature, null, null));
        boolean hangsUp = r.toolCalls().stream().map(ToolCall::name).anyMatch("end_call"::equals);
        String text = r.text().strip();
        if (text.isEmpty() && !hangsUp && !agentSpoke) return new Reply(OPENING, false);
        return new Reply(text, hangsUp || text.isEmpty());
    }
}
