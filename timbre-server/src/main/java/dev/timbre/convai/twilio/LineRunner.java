package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.telephony.PhoneLine;

/** Runs an agent on a line: {@link PhoneConversations#start} in the server; tests may run their own listener. */
@FunctionalInterface
public interface LineRunner {
    /** As {@link PhoneConversations#start}: opens {@code line} and returns the conversation id, or refuses. */
    String start(PhoneLine line, String agentId, String phoneNumberId, JsonNode initiation, String conversationId)
            throws PhoneConversations.Refused;
}
