package dev.timbre.convai.retention;

import dev.timbre.common.WorkerPools;
import dev.timbre.convai.conversations.ConversationsService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies agents' {@code platform_settings.privacy}: finished conversations older than {@code retention_days} are
 * deleted (row, then recording), and with {@code delete_audio} the recordings of finished conversations are removed
 * (the conversation stays, {@code has_audio} false). Runs on one daemon thread: once at {@link #start}, then every
 * {@code interval}. Conversations still running are never touched. Close it to stop the thread.
 */
public final class ConversationRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRetention.class);
    private static final long DAY_SECS = 86_400;

    private final AgentPrivacyRepository agents;
    private final ConversationsService conversations;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService thread;

    public ConversationRetention(Jdbi jdbi, ConversationsService conversations, Clock clock, Duration interval) {
        this.agents = new AgentPrivacyRepository(jdbi);
        this.conversations = conversations;
        this.clock = clock;
        this.interval = interval;
    }

    /** Starts the schedule: a run now, then one every interval. */
    public synchronized ConversationRetention start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("convai-retention"));
            thread.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One pass over every agent with privacy settings; returns the deleted conversations and recordings. Blocking. */
    public Result runOnce() {
        long now = clock.instant().getEpochSecond();
        int deleted = 0, audio = 0;
        for (AgentPrivacy p : agents.withPrivacySettings()) {
            if (p.retentionDays() >= 0) deleted += conversations.deleteFinishedBefore(p.agentId(), now - p.retentionDays() * DAY_SECS);
            if (p.deleteAudio()) audio += conversations.deleteAudioOfFinished(p.agentId());
        }
        if (deleted + audio > 0) LOG.info("retention: deleted {} conversation(s) and {} recording(s)", deleted, audio);
        return new Result(deleted, audio);
    }

    /** What one pass removed. */
    public record Result(int conversations, int recordings) {}

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("retention pass failed; next in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) thread.shutdownNow();
    }
}
