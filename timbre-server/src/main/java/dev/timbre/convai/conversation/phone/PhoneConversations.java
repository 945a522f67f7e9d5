package dev.timbre.convai.conversation.phone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.telephony.PhoneLine;

/**
 * Runs agents on phone lines: the voice pipeline of the conversation socket with μ-law 8 kHz both ways, the line's
 * audio as user audio, the agent's audio played on the line, barge-in clearing it, the end hanging it up, and the
 * call-only system tools ({@code transfer_to_number}, {@code play_keypad_touch_tone}, {@code voicemail_detection})
 * acting on the line. Thread-safe.
 */
public final class PhoneConversations {

    /** A call that cannot be run (unknown agent, the server's or agent's call limits, bad initiation data). */
    public static final class Refused extends Exception {
        public Refused(String message) { super(message); }
    }

    /**
     * Starts {@code agentId}'s conversation on {@code line} and opens the line.
     *
     * @param phoneNumberId the imported number the call is on (for the record)
     * @param initiation {@code conversation_initiation_client_data} ({@code dynamic_variables}, overrides…); empty
     *        for none. {@code system__caller_id} and {@code system__called_number} come from {@link PhoneLine#info()}
     * @param conversationId a reserved id, or null for a new one
     * @return the conversation id
     * @throws Refused when the call cannot run; the line is left unopened for the carrier to reject
     */
    public String start(PhoneLine line, String agentId, String phoneNumberId, JsonNode initiation, String conversationId) throws Refused {
        throw new UnsupportedOperationException("landing soon on main");
    }

    /** A new conversation id (as the conversation socket's). */
    public static String newConversationId() {
        throw new UnsupportedOperationException("landing soon on main");
    }
}
