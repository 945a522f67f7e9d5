package dev.timbre.convai.phonecalls;

import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;

/**
 * The outbound-call endpoints' use case, whatever the provider: the number (404 {@code phone_number_not_found}; one of
 * another provider 400), the agent (404 {@code agent_not_found}), then {@link PhoneCalls#dial}. Thread-safe; blocks
 * until the provider has answered.
 */
public final class OutboundCalls {
    private final PhoneNumbersService numbers;
    private final AgentsService agents;
    private final PhoneCalls calls;

    public OutboundCalls(PhoneNumbersService numbers, AgentsService agents, PhoneCalls calls) {
        this.numbers = numbers;
        this.agents = agents;
        this.calls = calls;
    }

    /**
     * Places {@code request} from a number of {@code provider}.
     *
     * @param mismatchCode the 400's code when the number is another provider's
     * @param providerName the provider as the 400's message names it ("a Twilio", "a SIP trunk")
     * @throws PhoneDialer.DialFailed when the provider refuses the call (the endpoints answer {@code success: false})
     */
    public PlacedCall place(OutboundCallRequest request, String provider, String mismatchCode, String providerName) throws PhoneDialer.DialFailed {
        StoredPhoneNumber from = numbers.stored(request.phoneNumberId());
        if (!from.provider().equals(provider)) {
            throw ApiException.badRequest(mismatchCode, "Phone number " + request.phoneNumberId() + " is not " + providerName + " number.");
        }
        if (!Ids.isSafe(request.agentId())) throw AgentsService.notFound(request.agentId());
        agents.find(request.agentId());
        return calls.dial(new OutboundCall(from, request.agentId(), request.toNumber(), request.initiation(), null));
    }
}
