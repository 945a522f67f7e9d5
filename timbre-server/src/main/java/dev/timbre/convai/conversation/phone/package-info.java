/**
 * Agents on phone lines: {@code PhoneConversations} starts an agent's voice conversation on a
 * {@link dev.timbre.telephony.PhoneLine} (μ-law 8 kHz both ways, so the recogniser takes the telephone-band path; the
 * socket's admission, initiation webhook and records), {@code PhoneCall} carries it both ways (line audio and keys in;
 * agent audio, barge-in {@code clear} and the end's hang-up out) and {@code LineControl} is the agent runtime's
 * {@link dev.timbre.agent.session.PhoneControl} over the line (transfers — a {@code conference} one is the line's warm
 * transfer, its {@code agent_message} spoken in the agent's voice by {@code OperatorGreeting} —, keypad tones). Carriers ({@code convai.twilio},
 * {@code convai.siptrunk}) call {@code start} off their I/O threads; nothing here knows HTTP, SIP or Twilio.
 */
package dev.timbre.convai.conversation.phone;
