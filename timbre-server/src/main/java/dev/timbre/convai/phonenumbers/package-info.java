/**
 * {@code /v1/convai/phone-numbers}: phone numbers imported from Twilio or a SIP trunk, as stored resources (calls over
 * them are later work).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.phonenumbers.PhoneNumbersRoutes}: import ({@code POST}), list (optional
 *       {@code provider}/{@code agent_id} query filters), get, {@code PATCH} ({@code agent_id} a string assigns, null
 *       unassigns; also {@code label} and, for SIP trunks, {@code inbound_trunk_config}/{@code outbound_trunk_config},
 *       each replacing that side whole, as current SDKs send them), {@code DELETE}. SIP responses carry
 *       {@code livekit_stack: "standard"}, which SDK 2.73 requires.</li>
 *   <li>{@link dev.timbre.convai.phonenumbers.PhoneNumbersService}: Twilio {@code sid}/{@code token} and SIP trunk
 *       passwords are encrypted with {@code SecretCipher} and never returned (responses say
 *       {@code has_auth_credentials} and {@code username}). Unknown number 404 {@code phone_number_not_found}; unknown
 *       agent 404 {@code agent_not_found}; a number imported twice 409 {@code phone_number_already_exists}; bad input
 *       422 with FastAPI-style {@code detail} (checked in {@code PhoneNumberChecks}).</li>
 *   <li>{@link dev.timbre.convai.phonenumbers.PhoneNumberRepository}: table {@code convai_phone_numbers} (V24); deleting
 *       an agent unassigns its numbers (foreign key {@code ON DELETE SET NULL}).</li>
 * </ul>
 */
package dev.timbre.convai.phonenumbers;
