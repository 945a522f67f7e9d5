/**
 * The agent runtime ({@code timbre-agent}): runs one agent conversation, text or voice, with no HTTP. The server
 * feeds it client messages and audio and receives frames and events to send; engines come in through the
 * {@code dev.timbre.engine} SPI. This package holds no classes; its subpackages are:
 *
 * <ul>
 *   <li>{@code session}: one conversation's state machine (turns, LLM replies, tool calls, transcript, limits) on a
 *       single-threaded session loop, reporting to a listener.</li>
 *   <li>{@code voice}: what a voice call adds around a session: listening (VAD, recognition, end of turn) and speaking
 *       (synthesis, playback, barge-in).</li>
 *   <li>{@code tools}: agent tools as the runtime sees them and the {@code ToolRunner} SPI the server implements.</li>
 *   <li>{@code transcript}: the immutable transcript and analysis records the server stores and serves.</li>
 * </ul>
 *
 * <p>Dependencies: {@code timbre-core} and Jackson (tool arguments only).
 */
package dev.timbre.agent;
