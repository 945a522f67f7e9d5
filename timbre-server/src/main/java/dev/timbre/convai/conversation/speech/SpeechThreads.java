package dev.timbre.convai.conversation.speech;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every voice conversation's agent speech runs on: {@code threads} daemon threads (one synthesis each, so
 * that many conversations speak at once without one thread per utterance) and at most {@code queue} utterances
 * waiting; past that {@link #execute} throws {@link java.util.concurrent.RejectedExecutionException} (the utterance
 * fails, nothing grows). Idle threads end after a minute.
 */
final class SpeechThreads implements Executor {
    private final ThreadPoolExecutor pool;

    SpeechThreads(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "convai-speech-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Sized for this machine: two per core, at least 8 (syntheses wait on their engine as much as they compute). */
    static SpeechThreads forThisMachine() {
        int threads = Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
        return new SpeechThreads(threads, 64 * threads);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }
}
