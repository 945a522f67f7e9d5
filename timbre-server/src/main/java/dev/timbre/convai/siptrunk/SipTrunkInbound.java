package dev.timbre.convai.siptrunk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.sip.OutboundInvites;
import dev.timbre.telephony.sip.SipInbound;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming SIP calls → agents: the called user must be an imported {@code sip_trunk} number that supports inbound
 * calls and has an agent (else 404); its inbound trunk's credentials, when set, must be proven by digest; callers
 * outside its {@code allowed_numbers} or {@code allowed_addresses} (IPs, CIDR ranges; when listed) get 404 too. The agent's conversation starts through
 * {@link PhoneConversations#start}; a refusal there is 486 Busy Here, anything else that stops it 503. Warm transfers of
 * the call dial through the number's outbound trunk when it has one ({@link SipTrunkDialer#via}). Thread-safe.
 */
public final class SipTrunkInbound implements SipInbound {
    private static final Logger log = LoggerFactory.getLogger(SipTrunkInbound.class);
    private final PhoneNumbersService numbers;
    private final PhoneConversations conversations;

    public SipTrunkInbound(PhoneNumbersService numbers, PhoneConversations conversations) {
        this.numbers = numbers;
        this.conversations = conversations;
    }

    @Override
    public Route route(CallInfo info, String source) {
        Optional<StoredPhoneNumber> found = find(info.to());
        if (found.isEmpty()) return null;
        StoredPhoneNumber p = found.get();
        if (!p.provider().equals(StoredPhoneNumber.SIP_TRUNK) || !p.supportsInbound() || p.agentId() == null) return null;
        JsonNode trunk = p.config().path("inbound_trunk");
        JsonNode allowed = trunk.path("allowed_numbers");
        if (allowed.isArray() && !allowed.isEmpty() && !contains(allowed, info.from())) return null;
        if (!addressAllowed(trunk.path("allowed_addresses"), source)) {
            log.info("SIP call to {} from {} refused: not among the trunk's allowed addresses", info.to(), source);
            return null;
        }
        String user = trunk.path("has_auth_credentials").asBoolean(false) ? trunk.path("username").asText(null) : null;
        String password = user == null ? null : numbers.secrets(p).path("inbound_password").asText(null);
        String agentId = p.agentId();
        OutboundInvites.Dial transfers = p.config().path("outbound_trunk").path("media_encryption").asText("allowed").equals("required") ? null
                : SipTrunkDialer.via(p, numbers, null);
        return new Route(user, password, line -> {
            try {
                conversations.start(line, agentId, p.phoneNumberId(), JsonNodeFactory.instance.objectNode(), null);
            } catch (PhoneConversations.Refused e) {
                throw new Rejected(486, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("inbound SIP call {} to {} could not start", info.callId(), info.to(), e);
                throw new Rejected(503, "the agent could not be started");
            }
        }, transfers);
    }

    /** The number as dialled, or with/without its leading {@code +}. */
    private Optional<StoredPhoneNumber> find(String called) {
        if (called == null || called.isBlank() || called.length() > 64) return Optional.empty();
        Optional<StoredPhoneNumber> p = numbers.byNumber(called);
        if (p.isEmpty()) p = numbers.byNumber(called.startsWith("+") ? called.substring(1) : "+" + called);
        return p;
    }

    /** True when {@code allowed} is empty, or lists {@code source} (an IP address or CIDR range entry). */
    private static boolean addressAllowed(JsonNode allowed, String source) {
        if (!allowed.isArray() || allowed.isEmpty()) return true;
        if (source == null) return false;
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(source);
            for (JsonNode a : allowed) {
                try {
                    if (dev.timbre.outbound.OutboundAllowList.parse(a.asText()).allows(source, address, 5060)) return true;
                } catch (IllegalArgumentException bad) {
                    log.debug("ignoring allowed address '{}': {}", a.asText(), bad.getMessage());
                }
            }
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static boolean contains(JsonNode list, String number) {
        if (number == null) return false;
        String bare = number.startsWith("+") ? number.substring(1) : number;
        for (JsonNode n : list) {
            String a = n.asText();
            if (a.equals(number) || (a.startsWith("+") ? a.substring(1) : a).equals(bare)) return true;
        }
        return false;
    }
}
