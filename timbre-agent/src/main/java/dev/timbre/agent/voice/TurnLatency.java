package dev.timbre.agent.voice;

/**
 * Where the time went between the end of the user's speech and the agent's first audio in one voice turn. Every
 * figure is milliseconds from the end of the last voiced VAD frame of the user's turn (so they grow along the
 * pipeline), measured on the session loop's clock; null where the stage did not happen (e.g. no audio because the
 * user interrupted first).
 *
 * @param agentEventId the event id of the agent response this turn produced (0 when none)
 * @param vadEndMs the end of turn was decided (silence long enough)
 * @param transcriptFinalMs the final transcript was ready
 * @param llmFirstTokenMs the LLM's first output arrived
 * @param ttsFirstAudioMs the first synthesized audio came back from TTS
 * @param firstAudioSentMs the first {@code audio} event was handed to the transport
 */
public record TurnLatency(int agentEventId, Long vadEndMs, Long transcriptFinalMs, Long llmFirstTokenMs,
                          Long ttsFirstAudioMs, Long firstAudioSentMs) {}
