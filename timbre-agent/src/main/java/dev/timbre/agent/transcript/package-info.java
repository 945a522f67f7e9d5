/**
 * The conversation record the agent runtime produces and the server stores and serves: immutable records shaped as
 * ElevenLabs' conversation-history models (component names map to their snake_case fields).
 *
 * <ul>
 *   <li>{@link dev.timbre.agent.transcript.TranscriptEntry}: one message ({@code ConversationHistoryTranscriptCommonModel}):
 *       role {@code user}/{@code agent}, text (null for an agent turn that only called tools), whole seconds from
 *       the call start, tool calls and results in call order, {@code like}/{@code dislike} feedback, the interruption
 *       flag with the original text, source medium {@code text}/{@code audio}, and voice turn metrics (metric name →
 *       elapsed seconds, on the agent entry that answered the turn).</li>
 *   <li>{@link dev.timbre.agent.transcript.ToolCallEntry}: a tool call (type {@code system}/{@code webhook}/
 *       {@code client}/…, request id = the {@code tool_call_id} a client result answers, arguments as JSON text,
 *       {@code toolHasBeenCalled} false when refused before running, {@code tool_details} as JSON-like values).</li>
 *   <li>{@link dev.timbre.agent.transcript.ToolResultEntry}: its result as given to the LLM, error flag, latency in
 *       seconds.</li>
 *   <li>{@link dev.timbre.agent.transcript.Analysis}: the post-call analysis: criteria and data-collection results by
 *       id, {@code call_successful} ({@code success}/{@code failure}/{@code unknown}), summary and title.</li>
 * </ul>
 *
 * <p>Invariant: entries are never mutated; the session replaces an entry to change it ({@code withFeedback},
 * {@code withTurnMetrics}).
 */
package dev.timbre.agent.transcript;
