/**
 * Phone calls over Twilio: the voice webhook ({@code POST /twilio/inbound_call}, answered with TwiML that connects the
 * call to a Media Stream, checked by {@code X-Twilio-Signature}), the Media Streams WebSocket
 * ({@code /twilio/media-stream}, {@link dev.timbre.convai.twilio.TwilioMediaStream} is the call's
 * {@link dev.timbre.telephony.PhoneLine}), outbound calls through Twilio's REST API
 * ({@link dev.timbre.convai.twilio.TwilioDialer}, {@code POST /v1/convai/twilio/outbound-call}) and their status
 * callback. Transfers go through the REST API too: cold ones redirect the call to {@code <Dial>}, warm ones call the
 * destination into a {@code <Conference>} (after a {@code <Say>} of the operator message) and redirect the caller into
 * it. Twilio's REST base URL is the operator's setting ({@code TIMBRE_TWILIO_API_URL}), not a user-supplied URL.
 *
 * <p>Cluster: an outbound call's pending data (initiation data, state, outcome) is a row of {@code twilio_pending_calls}
 * (V33, {@link dev.timbre.convai.twilio.PendingCalls}), so its Media Stream and status callback may reach any node
 * behind the load balancer; the placing node completes its {@code PlacedCall.finished} from the row's outcome (at once
 * when it recorded it, else by a short poll). Stream grants are spent in the shared database too.
 */
package dev.timbre.convai.twilio;
