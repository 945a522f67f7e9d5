package dev.timbre.telephony.sip;

import java.time.Duration;

/**
 * Where the SIP user agent listens and what it advertises.
 *
 * @param bindHost the local address for SIP and RTP sockets ({@code 0.0.0.0} for all)
 * @param publicHost the address peers are told (Contact, Via, SDP): a public IP behind NAT; the bind address by default
 * @param port SIP port, UDP and TCP
 * @param rtpMin first RTP port, {@code rtpMax} last (inclusive)
 * @param rtpTimeout media silence (no packets at all) after which a call is hung up
 * @param ringTimeout how long an outbound call may ring before it is cancelled
 */
public record SipSetup(String bindHost, String publicHost, int port, int rtpMin, int rtpMax, Duration rtpTimeout, Duration ringTimeout) {
    public SipSetup {
        publicHost = publicHost == null || publicHost.isBlank() ? bindHost : publicHost;
        rtpTimeout = rtpTimeout == null ? Duration.ofSeconds(30) : rtpTimeout;
        ringTimeout = ringTimeout == null ? Duration.ofSeconds(60) : ringTimeout;
    }
}
