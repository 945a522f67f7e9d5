/**
 * Phone calls over SIP trunks for the agents platform: {@code POST /v1/convai/sip-trunk/outbound-call}
 * ({@link dev.timbre.convai.siptrunk.SipTrunkRoutes}, {@link dev.timbre.convai.siptrunk.SipTrunkService}), the
 * {@code sip_trunk} {@link dev.timbre.convai.phonecalls.PhoneDialer}, and the inbound glue that finds the imported
 * number of an incoming INVITE and starts its agent ({@link dev.timbre.convai.siptrunk.SipTrunkInbound}). The SIP
 * protocol itself is {@code telephony.sip}; {@link dev.timbre.convai.siptrunk.SipTrunk} starts it from the settings.
 */
package dev.timbre.convai.siptrunk;
