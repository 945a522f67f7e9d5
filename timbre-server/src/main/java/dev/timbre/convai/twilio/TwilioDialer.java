package dev.timbre.convai.twilio;

import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places calls from {@code twilio} numbers: {@code POST Calls.json} with TwiML that connects the answered call to
 * Timbre's Media Stream (a grant naming the reserved conversation) and a status callback for calls never answered.
 * Blocks until Twilio accepts or refuses (at most {@link TwilioApi#TIMEOUT}). Thread-safe.
 */
public final class TwilioDialer implements PhoneDialer {
    private final TwilioService service;

    TwilioDialer(TwilioService service) {
        this.service = service;
    }

    @Override
    public String provider() {
        return StoredPhoneNumber.TWILIO;
    }

    @Override
    public PlacedCall dial(OutboundCall call) throws DialFailed {
        StoredPhoneNumber from = call.from();
        String base = service.publicBase();
        if (base == null) throw new DialFailed("Timbre does not know its public URL for Twilio to reach: set TIMBRE_PUBLIC_URL.");
        TwilioApi.Account account = service.account(from);
        String conversationId = call.conversationId() != null ? call.conversationId() : service.newConversationId();
        String token = service.grants().sign(new StreamGrants.Grant("outbound", from.phoneNumberId(), call.agentId(), conversationId,
                null, from.phoneNumber(), call.toNumber()));
        java.util.concurrent.CompletableFuture<PlacedCall.CallResult> finished = service.pending().add(conversationId, call);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", call.toNumber());
        form.put("From", from.phoneNumber());
        form.put("Twiml", TwiML.connectStream(TwilioService.streamUrl(base), Map.of(TwilioService.TOKEN, token)));
        form.put("StatusCallback", base + TwilioService.STATUS_PATH + "?conversation_id=" + URLEncoder.encode(conversationId, StandardCharsets.UTF_8));
        form.put("StatusCallbackMethod", "POST");
        try {
            String callSid = service.api().createCall(account, form);
            service.pending().placed(conversationId, callSid);
            return new PlacedCall(conversationId, callSid, finished);
        } catch (TwilioApi.Refused e) {
            service.pending().finish(conversationId, "failed", e.getMessage());
            throw new DialFailed(e.getMessage());
        }
    }
}
