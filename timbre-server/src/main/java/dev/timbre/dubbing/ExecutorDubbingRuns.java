package dev.timbre.dubbing;

import dev.timbre.common.WorkerPools;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DubbingRuns} on this process: {@code threads} {@code dubbing-*} daemon threads, at most {@code queue} dubs
 * waiting (then {@link DubbingRuns.Busy}). A dub runs at most once at a time here; its pipeline resumes after the last
 * stored stage, so the runs of dubs left {@code dubbing} by a stop are queued again at start-up
 * ({@link DubbingService#resumeRunning}). Thread-safe.
 */
final class ExecutorDubbingRuns implements DubbingRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorDubbingRuns.class);

    private final DubbingPipeline pipeline;
    private final ThreadPoolExecutor workers;
    private final Map<String, Future<?>> active = new ConcurrentHashMap<>();

    ExecutorDubbingRuns(DubbingPipeline pipeline, int threads, int queue) {
        this.pipeline = pipeline;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                WorkerPools.daemon("dubbing"));
    }

    @Override
    public void submit(String id) throws Busy {
        synchronized (active) {
            if (active.containsKey(id)) return;
            try {
                active.put(id, workers.submit(() -> run(id)));
            } catch (RejectedExecutionException e) {
                throw new Busy("Too many dubs are waiting; try again later.");
            }
        }
    }

    private void run(String id) {
        try {
            pipeline.run(id);
        } catch (InterruptedException e) {
            LOG.info("dub {} stopped; it resumes at the next start unless deleted", id);
        } finally {
            synchronized (active) { // after submit has recorded this run
                active.remove(id);
            }
        }
    }

    @Override
    public void cancel(String id) {
        Future<?> f;
        synchronized (active) {
            f = active.remove(id);
        }
        if (f != null) f.cancel(true);
    }

    @Override
    public void close() {
        WorkerPools.stop(workers);
    }
}
