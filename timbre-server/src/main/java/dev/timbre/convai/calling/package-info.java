/**
 * The phone side of the agents platform assembled in one place ({@code PhoneCalling}): Twilio, SIP trunks, outbound
 * calls and batch calling wired to the conversation runtime, with the routes they serve and what must start and stop.
 * Only the composition root uses it.
 */
package dev.timbre.convai.calling;
