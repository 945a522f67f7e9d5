package dev.timbre.convai.phonecalls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;

/**
 * An outbound call to place.
 *
 * @param from the imported number calling (its provider picks the dialer)
 * @param agentId the agent that talks
 * @param toNumber the number to call (E.164, or a SIP URI on a SIP trunk)
 * @param initiation {@code conversation_initiation_client_data} ({@code dynamic_variables},
 *        {@code conversation_config_override}, {@code user_id}…); empty for none
 * @param conversationId the conversation id to use (reserved by the caller, e.g. a batch); null for a new one
 */
public record OutboundCall(StoredPhoneNumber from, String agentId, String toNumber, JsonNode initiation, String conversationId) {
    public OutboundCall {
        initiation = initiation == null || initiation.isNull() ? JsonNodeFactory.instance.objectNode() : initiation;
    }
}
