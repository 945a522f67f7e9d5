/**
 * Timbre's SIP user agent (JAIN-SIP RI for SIP and SDP parsing; RTP and RFC 4733 written here): {@link
 * dev.timbre.telephony.sip.SipEndpoint} listens on UDP and TCP, answers INVITEs that {@link
 * dev.timbre.telephony.sip.SipInbound} routes (digest challenge, SDP offer/answer with PCMU/PCMA and
 * telephone-event, 404/486/488/503), places calls through trunks ({@link dev.timbre.telephony.sip.OutboundInvites}),
 * and turns each call into a {@link dev.timbre.telephony.PhoneLine}: 20 ms RTP both ways, a jitter buffer, A-law
 * converted to μ-law, keys in and out, BYE, REFER, and a hang-up when media stops. Warm transfers ({@link
 * dev.timbre.telephony.sip.WarmTransfers}) place a second call through the first's trunk, play the operator message
 * on it, then bridge the two calls' RTP. Knows nothing of HTTP or agents.
 */
package dev.timbre.telephony.sip;
