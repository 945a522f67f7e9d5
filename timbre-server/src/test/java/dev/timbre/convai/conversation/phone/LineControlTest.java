package dev.timbre.convai.conversation.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.agent.session.PhoneControl;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import dev.timbre.telephony.MemoryPhoneLine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LineControlTest {
    static MemoryPhoneLine line(String provider) {
        return new MemoryPhoneLine(new CallInfo(provider, "inbound", "c1", null, "+1", "+2", Map.of()));
    }

    @Test
    void sipReferIsRefusedOnTwilioAndEveryOtherTypeIsTheLinesTransfer() throws Exception {
        MemoryPhoneLine twilio = line("twilio");
        LineControl control = new LineControl(twilio);
        assertThat(control.provider()).isEqualTo("twilio");
        assertThatThrownBy(() -> control.transfer("sip:ops@example.com", "sip_refer")).isInstanceOf(PhoneControl.Failed.class)
                .hasMessageContaining("SIP trunk");
        assertThat(twilio.actions).isEmpty();
        assertThat(control.transferring()).isFalse();
        control.transfer("+15559990000", "conference");
        assertThat(twilio.actions).containsExactly("transfer +15559990000");
        assertThat(control.transferring()).isTrue();

        MemoryPhoneLine sip = line("sip_trunk");
        new LineControl(sip).transfer("sip:ops@example.com", "sip_refer");
        assertThat(sip.actions).containsExactly("transfer sip:ops@example.com");
    }

    @Test
    void aRefusedTransferIsAFailureAndLongPausesAreTwoShortOnes() {
        List<String> actions = new CopyOnWriteArrayList<>();
        PhoneLine refusing = new PhoneLine() {
            @Override public CallInfo info() { return new CallInfo("sip_trunk", "inbound", "c1", null, "+1", "+2", Map.of()); }
            @Override public void open(LineListener listener) {}
            @Override public void play(byte[] ulaw) {}
            @Override public void clear() {}
            @Override public long playedMillis() { return 0; }
            @Override public void sendDigits(String digits) { actions.add("digits " + digits); }
            @Override public void transfer(String number) throws TransferFailed { throw new TransferFailed("486 Busy Here"); }
            @Override public void hangUp() {}
        };
        LineControl control = new LineControl(refusing);
        assertThatThrownBy(() -> control.transfer("+15559990000", "conference")).isInstanceOf(PhoneControl.Failed.class)
                .hasMessage("486 Busy Here");
        assertThat(control.transferring()).isFalse();
        control.sendDigits("1W#w");
        assertThat(actions).containsExactly("digits 1ww#w");
    }
}
