package dev.timbre.convai.conversation.phone;

import dev.timbre.agent.session.PhoneControl;
import dev.timbre.telephony.PhoneLine;

/**
 * The agent's call-only tools on a {@link PhoneLine}: a transfer is the line's ({@code SIP REFER}, Twilio dial) for
 * every transfer type — a {@code conference} (warm) transfer is carried out as a cold one, after the agent's
 * message — except {@code sip_refer} on a Twilio call, which is refused as the guides say; keypad tones are the
 * line's DTMF ({@code W}, a 1 s pause, is sent as two 0.5 s {@code w}). Thread-safe: {@link #transfer} blocks on the
 * caller's thread (the session's blocking pool), the rest returns at once.
 */
final class LineControl implements PhoneControl {
    private final PhoneLine line;
    private volatile boolean transferring;

    LineControl(PhoneLine line) { this.line = line; }

    @Override
    public String provider() { return line.info().provider(); }

    @Override
    public void transfer(String destination, String transferType) throws Failed {
        if ("sip_refer".equals(transferType) && !"sip_trunk".equals(provider())) {
            throw new Failed("SIP REFER transfers need a call over a SIP trunk; this call is over " + provider() + ".");
        }
        transferring = true;
        try {
            line.transfer(destination);
        } catch (PhoneLine.TransferFailed e) {
            transferring = false;
            throw new Failed(e.getMessage());
        } catch (RuntimeException e) {
            transferring = false;
            throw new Failed("the line could not transfer: " + e.getMessage());
        }
    }

    /** A transfer is being made or was made: the line's end is the transfer's, not the caller hanging up. */
    boolean transferring() { return transferring; }

    @Override
    public void sendDigits(String digits) { line.sendDigits(digits.replace("W", "ww")); }
}
