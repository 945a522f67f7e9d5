package dev.timbre.telephony;

import java.util.function.Supplier;

/**
 * What the person a warm transfer reaches hears before the caller is put through ({@link PhoneLine#conference}).
 *
 * @param text the message as text (carriers that speak it themselves, Twilio's {@code <Say>}); may be empty
 * @param audio the same message in the agent's voice, μ-law 8 kHz; an empty array for none. {@code get()} may block
 *        while it is still being synthesised (the supplier bounds that wait itself) and is called at most once, on a
 *        thread of the line's, once the destination answered
 */
public record OperatorMessage(String text, Supplier<byte[]> audio) {
    public OperatorMessage {
        text = text == null ? "" : text;
        audio = audio == null ? () -> new byte[0] : audio;
    }

    /** A message with no audio (tests, carriers that only speak text). */
    public static OperatorMessage text(String text) { return new OperatorMessage(text, null); }
}
