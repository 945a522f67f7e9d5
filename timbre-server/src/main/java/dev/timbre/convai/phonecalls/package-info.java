/**
 * Outbound phone calls from imported numbers: {@link dev.timbre.convai.phonecalls.PhoneCalls} picks the number's
 * provider's {@link dev.timbre.convai.phonecalls.PhoneDialer} (Twilio's REST API in {@code convai.twilio}, a SIP
 * INVITE in {@code convai.siptrunk}); the outbound-call endpoints and batch calling use it.
 */
package dev.timbre.convai.phonecalls;
