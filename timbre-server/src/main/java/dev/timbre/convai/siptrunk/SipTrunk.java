package dev.timbre.convai.siptrunk;

import dev.timbre.config.SipSettings;
import dev.timbre.convai.conversation.phone.PhoneConversations;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.telephony.sip.SipEndpoint;
import dev.timbre.telephony.sip.SipSetup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SIP side, started from {@link SipSettings}: the user agent answering imported numbers
 * ({@link SipTrunkInbound}) and the {@code sip_trunk} {@link PhoneDialer}. When SIP is off, or its port cannot be
 * bound (logged), there is no endpoint and no dialer: outbound SIP calls are then 400 from {@code PhoneCalls}.
 * {@link #close} hangs up every call.
 */
public final class SipTrunk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipTrunk.class);
    private final SipEndpoint endpoint;
    private final SipTrunkDialer dialer;

    private SipTrunk(SipEndpoint endpoint, SipTrunkDialer dialer) {
        this.endpoint = endpoint;
        this.dialer = dialer;
    }

    public static SipTrunk start(SipSettings settings, PhoneNumbersService numbers, PhoneConversations conversations) {
        if (!settings.enabled()) return new SipTrunk(null, null);
        try {
            SipEndpoint e = SipEndpoint.start(new SipSetup(settings.bindHost(), settings.advertisedHost(), settings.port(), settings.rtpMin(),
                    settings.rtpMax(), Duration.ofSeconds(settings.rtpTimeoutSeconds()), null), new SipTrunkInbound(numbers, conversations));
            return new SipTrunk(e, new SipTrunkDialer(e, numbers, conversations));
        } catch (Exception e) {
            log.warn("SIP is off: port {} could not be opened ({})", settings.port(), e.getMessage());
            return new SipTrunk(null, null);
        }
    }

    /** The {@code sip_trunk} dialer, when SIP is on. */
    public List<PhoneDialer> dialers() { return dialer == null ? List.of() : List.of(dialer); }

    /** The user agent, when SIP is on. */
    public Optional<SipEndpoint> endpoint() { return Optional.ofNullable(endpoint); }

    @Override
    public void close() {
        if (endpoint != null) endpoint.close();
    }
}
