package dev.timbre.convai.conversation.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.agent.session.PhoneControl;
import dev.timbre.agent.session.SpokenChars;
import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.audio.G711;
import dev.timbre.audio.PcmFormat;
import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;
import dev.timbre.telephony.MemoryPhoneLine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertThatThrownBy(() -> control.transfer("sip:ops@example.com", "sip_refer", "")).isInstanceOf(PhoneControl.Failed.class)
                .hasMessageContaining("SIP trunk");
        assertThat(twilio.actions).isEmpty();
        assertThat(control.transferring()).isFalse();
        control.transfer("+15559990000", "blind", "");
        assertThat(twilio.actions).containsExactly("transfer +15559990000");
        assertThat(control.transferring()).isTrue();

        MemoryPhoneLine sip = line("sip_trunk");
        new LineControl(sip).transfer("sip:ops@example.com", "sip_refer", "");
        assertThat(sip.actions).containsExactly("transfer sip:ops@example.com");
        MemoryPhoneLine warm = line("sip_trunk");
        new LineControl(warm).transfer("+15559990000", "conference", "Caller asks about an invoice.");
        assertThat(warm.actions).as("no voice: the message goes as text only").containsExactly("conference +15559990000: Caller asks about an invoice.");
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
        assertThatThrownBy(() -> control.transfer("+15559990000", "blind", "")).isInstanceOf(PhoneControl.Failed.class)
                .hasMessage("486 Busy Here");
        assertThat(control.transferring()).isFalse();
        control.sendDigits("1W#w");
        assertThat(actions).containsExactly("digits 1ww#w");
    }

    /** A voice that says every text as {@code millis} of a 16 kHz tone, in two chunks, on its own thread. */
    static AgentSpeech toneVoice(int millis, List<String> spoken) {
        return (text, listener) -> {
            spoken.add(text);
            Thread t = new Thread(() -> {
                byte[] pcm = new byte[millis * 32];
                for (int i = 0; i < pcm.length / 2; i++) {
                    short v = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
                    pcm[2 * i] = (byte) v;
                    pcm[2 * i + 1] = (byte) (v >> 8);
                }
                int half = pcm.length / 4 * 2;
                listener.audio(new PcmFormat(16000), java.util.Arrays.copyOf(pcm, half), SpokenChars.EMPTY);
                listener.audio(new PcmFormat(16000), java.util.Arrays.copyOfRange(pcm, half, pcm.length), SpokenChars.EMPTY);
                listener.done();
            });
            t.start();
            return () -> {};
        };
    }

    @Test
    void aConferenceTransferSpeaksTheAgentMessageInTheAgentsVoiceForTheOperator() throws Exception {
        List<String> spoken = new CopyOnWriteArrayList<>();
        MemoryPhoneLine sip = line("sip_trunk");
        AtomicInteger failures = new AtomicInteger();
        LineControl control = new LineControl(sip, toneVoice(1500, spoken), failures::incrementAndGet);
        assertThat(control.transfer("sip:ops@example.com", "conference", "Caller asks about an invoice.")).isNull();
        assertThat(spoken).containsExactly("Caller asks about an invoice.");
        assertThat(sip.actions).containsExactly("conference sip:ops@example.com: Caller asks about an invoice. (1500 ms spoken)");
        assertThat(sip.operatorAudio).hasSize(12_000);
        assertThat(G711.ulawDecode(sip.operatorAudio[8_000 + 13])).as("μ-law of the tone, not silence").isNotZero();
        assertThat(failures.get()).isZero();

        MemoryPhoneLine twilio = line("twilio");
        new LineControl(twilio, toneVoice(1500, spoken), () -> {}).transfer("+15559990000", "conference", "Invoice question.");
        assertThat(twilio.actions).as("Twilio says the text itself").containsExactly("conference +15559990000: Invoice question.");
        assertThat(spoken).hasSize(1);
    }

    @Test
    void aRefusedConferenceTransferIsAFailureAndReportsIt() {
        PhoneLine refusing = new PhoneLine() {
            @Override public CallInfo info() { return new CallInfo("sip_trunk", "inbound", "c1", null, "+1", "+2", Map.of()); }
            @Override public void open(LineListener listener) {}
            @Override public void play(byte[] ulaw) {}
            @Override public void clear() {}
            @Override public long playedMillis() { return 0; }
            @Override public void sendDigits(String digits) {}
            @Override public void transfer(String number) {}
            @Override public String conference(String number, OperatorMessage m) throws TransferFailed {
                throw new TransferFailed("the destination is busy (486 Busy Here)");
            }
            @Override public void hangUp() {}
        };
        AtomicInteger failures = new AtomicInteger();
        LineControl control = new LineControl(refusing, null, failures::incrementAndGet);
        assertThatThrownBy(() -> control.transfer("+15559990000", "conference", "hello")).isInstanceOf(PhoneControl.Failed.class)
                .hasMessageContaining("busy");
        assertThat(control.transferring()).isFalse();
        assertThat(failures.get()).isOne();
    }
}
