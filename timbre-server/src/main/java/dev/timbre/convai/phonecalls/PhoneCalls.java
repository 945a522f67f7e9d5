package dev.timbre.convai.phonecalls;

import dev.timbre.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Outbound calls from imported numbers, whatever their provider: picks the number's {@link PhoneDialer}. Used by the
 * outbound-call endpoints and batch calling. Thread-safe.
 */
public final class PhoneCalls {
    private final Map<String, PhoneDialer> dialers;

    public PhoneCalls(List<PhoneDialer> dialers) {
        this.dialers = dialers.stream().collect(Collectors.toUnmodifiableMap(PhoneDialer::provider, Function.identity()));
    }

    /**
     * Places {@code call}; a number that does not support outbound calls, or whose provider has no dialer here, is a
     * 400 ({@code phone_number_outbound_unsupported}).
     */
    public PlacedCall dial(OutboundCall call) throws PhoneDialer.DialFailed {
        if (!call.from().supportsOutbound()) {
            throw ApiException.badRequest("phone_number_outbound_unsupported", "Phone number " + call.from().phoneNumberId()
                    + " does not support outbound calls.");
        }
        PhoneDialer dialer = dialers.get(call.from().provider());
        if (dialer == null) {
            throw ApiException.badRequest("phone_number_outbound_unsupported", "Outbound calls over " + call.from().provider()
                    + " are not available on this server.");
        }
        return dialer.dial(call);
    }
}
