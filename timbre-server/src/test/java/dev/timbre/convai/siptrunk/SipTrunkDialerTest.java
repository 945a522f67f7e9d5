package dev.timbre.convai.siptrunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.telephony.sip.OutboundInvites.Outcome;
import org.junit.jupiter.api.Test;

/** How a SIP final status becomes a call's outcome (batch calling and the outbound endpoint read it). */
class SipTrunkDialerTest {
    @Test
    void finalStatusesMapToOutcomes() {
        assertThat(SipTrunkDialer.result(new Outcome(200, "hung up")).outcome()).isEqualTo("completed");
        assertThat(SipTrunkDialer.result(new Outcome(486, "486 Busy Here")).outcome()).isEqualTo("busy");
        assertThat(SipTrunkDialer.result(new Outcome(603, "603 Decline")).outcome()).isEqualTo("busy");
        assertThat(SipTrunkDialer.result(new Outcome(408, "no answer")).outcome()).isEqualTo("no_answer");
        assertThat(SipTrunkDialer.result(new Outcome(487, "cancelled")).outcome()).isEqualTo("no_answer");
        assertThat(SipTrunkDialer.result(new Outcome(480, "480 Temporarily Unavailable")).outcome()).isEqualTo("no_answer");
        assertThat(SipTrunkDialer.result(new Outcome(404, "404 Not Found")).outcome()).isEqualTo("failed");
        assertThat(SipTrunkDialer.result(new Outcome(503, "503 Service Unavailable")).reason()).isEqualTo("503 Service Unavailable");
    }
}
