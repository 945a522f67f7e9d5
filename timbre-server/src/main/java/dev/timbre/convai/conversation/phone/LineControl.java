package dev.timbre.convai.conversation.phone;

import dev.timbre.agent.session.PhoneControl;
import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.telephony.OperatorMessage;
import dev.timbre.telephony.PhoneLine;

/**
 * The agent's call-only tools on a {@link PhoneLine}. Transfers: {@code conference} (the default) is the line's warm
 * transfer ({@link PhoneLine#conference}: the destination is called while the caller waits, hears the
 * {@code agent_message} spoken in the agent's voice ({@link OperatorGreeting}), then is joined with the caller);
 * {@code blind} and {@code sip_refer} are the line's cold transfer (SIP REFER, Twilio {@code <Dial>}), except
 * {@code sip_refer} on a Twilio call, which is refused as the guides say. Keypad tones are the line's DTMF ({@code W},
 * a 1 s pause, is sent as two 0.5 s {@code w}). Thread-safe: {@link #transfer} blocks on the caller's thread (the
 * session's blocking pool), the rest returns at once.
 */
final class LineControl implements PhoneControl {
    private final PhoneLine line;
    private final AgentSpeech voice;
    private final Runnable failed;
    private volatile boolean transferring;

    /**
     * @param voice the conversation's voice, for the operator's message; null: the message is not spoken
     * @param failed runs after a transfer failed (before {@link #transfer} throws), so that a line end held back while
     *        transferring can be reported
     */
    LineControl(PhoneLine line, AgentSpeech voice, Runnable failed) {
        this.line = line;
        this.voice = voice;
        this.failed = failed;
    }

    LineControl(PhoneLine line) { this(line, null, () -> {}); }

    @Override
    public String provider() { return line.info().provider(); }

    @Override
    public String transfer(String destination, String transferType, String agentMessage) throws Failed {
        if ("sip_refer".equals(transferType) && !"sip_trunk".equals(provider())) {
            throw new Failed("SIP REFER transfers need a call over a SIP trunk; this call is over " + provider() + ".");
        }
        transferring = true;
        try {
            if ("conference".equals(transferType)) {
                // Twilio says the text itself (<Say>); other lines play the agent's voice
                AgentSpeech speaker = "twilio".equals(provider()) ? null : voice;
                return line.conference(destination, new OperatorMessage(agentMessage, OperatorGreeting.start(speaker, agentMessage)));
            }
            line.transfer(destination);
            return null;
        } catch (PhoneLine.TransferFailed e) {
            throw failure(e.getMessage());
        } catch (RuntimeException e) {
            throw failure("the line could not transfer: " + e.getMessage());
        }
    }

    private Failed failure(String message) {
        transferring = false;
        failed.run();
        return new Failed(message);
    }

    /** A transfer is being made or was made: the line's end is the transfer's, not the caller hanging up. */
    boolean transferring() { return transferring; }

    @Override
    public void sendDigits(String digits) { line.sendDigits(digits.replace("W", "ww")); }
}
