/**
 * Who may open an agent conversation now: {@link dev.timbre.convai.conversation.admission.ConversationAdmission}
 * applies an agent's {@code platform_settings.call_limits} ({@link dev.timbre.convai.conversation.admission.CallLimits}),
 * the server-wide cap on concurrent conversations and a per-address connection rate
 * ({@link dev.timbre.convai.conversation.admission.AddressRate}). A refusal is a
 * {@link dev.timbre.convai.conversation.admission.ConversationAdmission.Refused} with an ElevenLabs error type; the
 * socket turns it into an error event and close 1008, the signed-URL and token endpoints into a 429. Thread-safe;
 * nothing here touches HTTP or the database.
 */
package dev.timbre.convai.conversation.admission;
