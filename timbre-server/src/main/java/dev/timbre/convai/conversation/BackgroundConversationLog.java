package dev.timbre.convai.conversation;

import dev.timbre.common.WorkerPools;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the conversation log's database writes off the conversation's own threads, so that recording a turn never
 * delays the LLM request or the reply. Calls return at once; a shared pool runs them, in order per conversation
 * (a serial queue per conversation id, dropped after {@link #ended}), conversations in parallel. A failing write is
 * logged and does not stop later ones. {@link #recordingSoFar} is not queued (it never blocks).
 */
final class BackgroundConversationLog implements ConversationLog {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundConversationLog.class);

    private final ConversationLog target;
    private final ExecutorService pool;
    private final Map<String, SerialQueue> queues = new ConcurrentHashMap<>();

    BackgroundConversationLog(ConversationLog target) {
        this.target = target;
        this.pool = Executors.newCachedThreadPool(WorkerPools.daemon("conversation-log"));
    }

    @Override
    public void started(ConversationStart start) {
        run(start.conversationId(), () -> target.started(start));
    }

    @Override
    public void updated(String conversationId, List<TranscriptEntry> transcript) {
        run(conversationId, () -> target.updated(conversationId, transcript));
    }

    @Override
    public void audioRecorded(String conversationId, RecordedCall audio) {
        run(conversationId, () -> target.audioRecorded(conversationId, audio));
    }

    /** Straight through, on the caller's thread: the target returns at once (it hands parts to its own writer). */
    @Override
    public void recordingSoFar(String conversationId, CallRecording recording, long atMillis) {
        target.recordingSoFar(conversationId, recording, atMillis);
    }

    @Override
    public void ended(String conversationId, ConversationEnd end) {
        run(conversationId, () -> {
            target.ended(conversationId, end);
            queues.remove(conversationId);
        });
    }

    @Override
    public void initiationFailed(String agentId, String conversationId, String reason) {
        run(conversationId, () -> {
            target.initiationFailed(agentId, conversationId, reason);
            queues.remove(conversationId);
        });
    }

    @Override
    public void feedback(String conversationId, String score, int eventId) {
        run(conversationId, () -> target.feedback(conversationId, score, eventId));
    }

    private void run(String conversationId, Runnable write) {
        queues.computeIfAbsent(conversationId, id -> new SerialQueue()).add(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warn("could not record conversation {}: {}", conversationId, e.toString());
            }
        });
    }

    /** Runs its tasks one after another on the pool (the SerialExecutor of {@link java.util.concurrent.Executor}'s javadoc). */
    private final class SerialQueue {
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private Runnable active;

        synchronized void add(Runnable task) {
            tasks.add(() -> {
                try {
                    task.run();
                } finally {
                    next();
                }
            });
            if (active == null) next();
        }

        private synchronized void next() {
            active = tasks.poll();
            if (active != null) pool.execute(active);
        }
    }
}
