/**
 * Phone calls over Twilio: the voice webhook ({@code POST /twilio/inbound_call}, answered with TwiML that connects the
 * call to a Media Stream, checked by {@code X-Twilio-Signature}), the Media Streams WebSocket
 * ({@code /twilio/media-stream}, {@link dev.timbre.convai.twilio.TwilioMediaStream} is the call's
 * {@link dev.timbre.telephony.PhoneLine}), outbound calls through Twilio's REST API
 * ({@link dev.timbre.convai.twilio.TwilioDialer}, {@code POST /v1/convai/twilio/outbound-call}) and their status
 * callback. Transfers go through the REST API too: cold ones redirect the call to {@code <Dial>}, warm ones call the
 * destination into a {@code <Conference>} (after a {@code <Say>} of the operator message) and redirect the caller into
 * it. Twilio's REST base URL is the operator's setting ({@code TIMBRE_TWILIO_API_URL}), not a user-supplied URL.
 */
package dev.timbre.convai.twilio;
