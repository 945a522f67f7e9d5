package dev.timbre.convai.siptrunk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.telephony.sip.OutboundInvites;
import dev.timbre.telephony.sip.SipEndpoint;
import dev.timbre.telephony.sip.SipInbound;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outbound calls over a number's outbound SIP trunk: an INVITE to {@code sip:<to>@<address>} over its transport, its
 * headers added, the trunk's challenge answered with its credentials. The agent's conversation starts on 200 OK;
 * {@code finished} is {@code completed} after an answered call, {@code busy} (486, 600, 603), {@code no_answer}
 * (408, 480, 487: nobody picked up in time) or {@code failed} (any other final status). Thread-safe.
 */
public final class SipTrunkDialer implements PhoneDialer {
    private final SipEndpoint sip;
    private final PhoneNumbersService numbers;
    private final PhoneConversations conversations;

    public SipTrunkDialer(SipEndpoint sip, PhoneNumbersService numbers, PhoneConversations conversations) {
        this.sip = sip;
        this.numbers = numbers;
        this.conversations = conversations;
    }

    @Override public String provider() { return StoredPhoneNumber.SIP_TRUNK; }

    @Override
    public PlacedCall dial(OutboundCall call) throws DialFailed {
        StoredPhoneNumber from = call.from();
        JsonNode trunk = from.config().path("outbound_trunk");
        String address = trunk.path("address").asText("");
        if (address.isBlank()) throw new DialFailed("Phone number " + from.phoneNumberId() + " has no outbound trunk address.");
        if (trunk.path("media_encryption").asText("allowed").equals("required")) {
            throw new DialFailed("The outbound trunk requires media encryption, which Timbre's SIP does not offer.");
        }
        OutboundInvites.Dial dial = via(from, numbers, call.toNumber());
        String conversationId = call.conversationId() != null ? call.conversationId() : dev.timbre.convai.conversation.transport.ConversationSetup.newConversationId();
        SipInbound.Answer start = line -> {
            try {
                conversations.start(line, call.agentId(), from.phoneNumberId(), call.initiation(), conversationId);
            } catch (PhoneConversations.Refused e) {
                throw new SipInbound.Rejected(486, e.getMessage());
            }
        };
        try {
            OutboundInvites.Placed placed = sip.dial(dial, start);
            return new PlacedCall(conversationId, placed.callId(), placed.finished().thenApply(SipTrunkDialer::result));
        } catch (OutboundInvites.Refused e) {
            throw new DialFailed(e.getMessage(), e);
        }
    }

    /**
     * A call to {@code to} through {@code from}'s outbound trunk (address, transport, credentials, headers); null when
     * the number has no outbound trunk address. Also the trunk warm transfers of the number's inbound calls dial through.
     */
    static OutboundInvites.Dial via(StoredPhoneNumber from, PhoneNumbersService numbers, String to) {
        JsonNode trunk = from.config().path("outbound_trunk");
        String address = trunk.path("address").asText("");
        if (address.isBlank()) return null;
        String user = trunk.path("has_auth_credentials").asBoolean(false) ? trunk.path("username").asText(null) : null;
        String password = user == null ? null : numbers.secrets(from).path("outbound_password").asText(null);
        Map<String, String> headers = new LinkedHashMap<>();
        trunk.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new OutboundInvites.Dial(to, address, trunk.path("transport").asText("auto"), from.phoneNumber(), user, password, headers);
    }

    static PlacedCall.CallResult result(OutboundInvites.Outcome o) {
        if (o.answered()) return new PlacedCall.CallResult("completed", o.reason());
        String outcome = switch (o.status()) {
            case 486, 600, 603 -> "busy";
            case 408, 480, 487 -> "no_answer";
            default -> "failed";
        };
        return new PlacedCall.CallResult(outcome, o.reason());
    }
}
