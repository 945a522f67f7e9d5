package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A conversation as it starts.
 *
 * @param userId the {@code user_id} of the initiation data, or null
 * @param source {@code conversation_initiation_source}: {@code js_sdk}, {@code unknown}, … (from the socket's
 *        {@code source} query parameter or {@code source_info})
 * @param sourceVersion the client's version, or null
 * @param authorizationMethod the seed's {@code AuthorizationMethod}: {@code public}, {@code signed_url}, {@code api_key}…
 * @param initiationClientData the {@code conversation_initiation_client_data} as received (overrides, dynamic
 *        variables incl. the {@code system__} ones filled in, custom_llm_extra_body, user_id, source_info)
 * @param mainLanguage the agent's language after overrides, e.g. {@code en}
 * @param phoneCall the phone call's record ({@code metadata.phone_call}); null when it is not a phone call
 */
public record ConversationStart(String conversationId, String agentId, String agentName, String userId, Instant startTime,
                                boolean textOnly, String source, String sourceVersion, String authorizationMethod,
                                JsonNode initiationClientData, String mainLanguage, PhoneCallRecord phoneCall) {
    /** A start that is not a phone call. */
    public ConversationStart(String conversationId, String agentId, String agentName, String userId, Instant startTime,
                             boolean textOnly, String source, String sourceVersion, String authorizationMethod,
                             JsonNode initiationClientData, String mainLanguage) {
        this(conversationId, agentId, agentName, userId, startTime, textOnly, source, sourceVersion, authorizationMethod,
                initiationClientData, mainLanguage, null);
    }
}
