package dev.timbre.convai.conversation;

import dev.timbre.agent.tools.ToolRunner;
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
 */
record ConversationRuntime(AgentProfiles profiles, ConversationLog log, ToolRunner toolRunner, ConversationSignatures signatures,
                           ScheduledExecutorService timers, Clock clock, Duration initiationWait, Duration metadataPause,
                           Duration pingInterval, TurnOverhead turnOverhead) {}
