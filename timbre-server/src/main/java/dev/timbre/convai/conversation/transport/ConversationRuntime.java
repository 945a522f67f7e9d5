package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.convai.conversation.agent.InitiationWebhook;
import dev.timbre.convai.conversation.speech.ConversationVoices;
import dev.timbre.convai.conversations.ConversationLog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every conversation socket shares: agent profiles, the log, webhook tools, timers and timings.
 *
 * @param initiationWait how long to wait for {@code conversation_initiation_client_data} before starting with defaults
 * @param metadataPause pause after the metadata frame before any other event
 * @param pingInterval time between {@code ping} events
 * @param turnOverhead where each conversation's turn latencies are recorded
 * @param voices the engines of voice conversations; null: every conversation runs as text (audio is refused)
 * @param maxQueuedBytes events waiting for a slow client (JSON characters) before the socket is closed with 1008
 * @param initiationWebhook asked for the initiation data of a conversation that starts without the client's, when
 *        its agent enables it
 */
public record ConversationRuntime(AgentProfiles profiles, ConversationLog log, ToolRunner toolRunner, ConversationSignatures signatures,
                           ScheduledExecutorService timers, Clock clock, Duration initiationWait, Duration metadataPause,
                           Duration pingInterval, TurnOverhead turnOverhead, ConversationVoices voices, long maxQueuedBytes,
                           InitiationWebhook initiationWebhook) {
    public ConversationRuntime {
        initiationWebhook = initiationWebhook == null ? InitiationWebhook.NONE : initiationWebhook;
    }

    /** A runtime without an initiation webhook. */
    public ConversationRuntime(AgentProfiles profiles, ConversationLog log, ToolRunner toolRunner, ConversationSignatures signatures,
                               ScheduledExecutorService timers, Clock clock, Duration initiationWait, Duration metadataPause,
                               Duration pingInterval, TurnOverhead turnOverhead, ConversationVoices voices, long maxQueuedBytes) {
        this(profiles, log, toolRunner, signatures, timers, clock, initiationWait, metadataPause, pingInterval, turnOverhead, voices,
                maxQueuedBytes, null);
    }

    /** 8 MiB: about a minute of pcm_48000 agent audio as base64 JSON, far beyond what a reading client lets pile up. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 8L * 1024 * 1024;
}
