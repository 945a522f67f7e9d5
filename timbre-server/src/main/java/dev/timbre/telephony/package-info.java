/**
 * Phone lines, whatever carries them: {@link dev.timbre.telephony.PhoneLine} is one call's μ-law audio and control
 * ({@code play}, {@code clear}, {@code sendDigits}, {@code transfer}, {@code conference} — a warm transfer with an
 * {@link dev.timbre.telephony.OperatorMessage} for the person answering —, {@code hangUp}), {@link
 * dev.timbre.telephony.LineListener} what the line hears. Carriers implement it (Twilio Media Streams in
 * {@code convai.twilio}, SIP and RTP in {@code telephony.sip}); {@code convai.conversation.phone} runs an agent on
 * one. Knows nothing of HTTP or agents.
 */
package dev.timbre.telephony;
