package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.convai.conversation.agent.Initiation;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;

/** What every transport builds a conversation from: its id, and its {@link SessionConfig} from the agent and initiation. */
public final class ConversationSetup {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConversationSetup() {}

    /** A new conversation id: {@code conv_} and 26 random characters. */
    public static String newConversationId() {
        StringBuilder b = new StringBuilder("conv_");
        for (int i = 0; i < 26; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /**
     * The session settings of {@code agentId}'s conversation: its profile (under the initiation's prompt, first message
     * and language overrides), variables, limits ({@code max_duration_seconds}, {@code silence_end_call_timeout}) and
     * time zone; {@code callerId}/{@code calledNumber} are a phone call's numbers (null otherwise).
     */
    public static SessionConfig sessionConfig(ConversationRuntime runtime, String agentId, JsonNode agentConfig, String conversationId,
                                              Initiation init, boolean textOnly, String callerId, String calledNumber) {
        JsonNode cc = agentConfig.path("conversation_config");
        AgentProfile profile = runtime.profiles().profile(agentId, agentConfig, init.prompt(), init.firstMessage(), init.language());
        int maxSecs = cc.path("conversation").path("max_duration_seconds").asInt(0);
        int idleSecs = cc.path("turn").path("silence_end_call_timeout").asInt(-1);
        return new SessionConfig(conversationId, profile, init.dynamicVariables(), init.extraBody(),
                maxSecs > 0 ? Duration.ofSeconds(maxSecs) : null, idleSecs > 0 ? Duration.ofSeconds(idleSecs) : null, textOnly,
                zone(cc.path("agent").path("prompt").path("timezone").asText(null)), callerId, calledNumber, SessionConfig.DEFAULT_TOOL_ROUNDS);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
