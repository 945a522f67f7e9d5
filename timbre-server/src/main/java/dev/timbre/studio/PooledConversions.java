package dev.timbre.studio;

import dev.timbre.common.WorkerPools;
import dev.timbre.http.ApiException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StudioConversions} on a bounded pool: {@code threads} {@code studio-conversions} threads, at most
 * {@code queue} conversions waiting (one more is a 429; its project or chapter is left as it was). A project or
 * chapter already queued or running is not queued twice: asked again meanwhile, it runs once more when it ends (so an
 * edit made during a conversion is converted too). Thread-safe.
 */
final class PooledConversions implements StudioConversions {
    private static final Logger LOG = LoggerFactory.getLogger(PooledConversions.class);

    private final Conversion conversion;
    private final StudioRepository studio;
    private final ThreadPoolExecutor pool;
    /** Conversions queued or running, each with whether it was asked for again meanwhile (it then runs once more). */
    private final ConcurrentHashMap<String, AtomicBoolean> pending = new ConcurrentHashMap<>();

    PooledConversions(Conversion conversion, StudioRepository studio, int threads, int queue) {
        this.conversion = conversion;
        this.studio = studio;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                WorkerPools.daemon("studio-conversions"));
    }

    @Override
    public void submitProject(String projectId) {
        submit("project:" + projectId, () -> conversion.project(projectId));
    }

    @Override
    public void submitChapter(String projectId, String chapterId) {
        submit("chapter:" + chapterId, () -> conversion.chapter(projectId, chapterId));
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    private void submit(String key, Work work) {
        boolean[] fresh = {false};
        pending.compute(key, (k, again) -> {
            if (again != null) {
                again.set(true); // running or queued: it runs once more after, with the content as it is then
                return again;
            }
            fresh[0] = true;
            return new AtomicBoolean(false);
        });
        if (!fresh[0]) return;
        try {
            pool.execute(() -> run(key, work));
        } catch (RejectedExecutionException e) {
            pending.remove(key);
            throw ApiException.busy("too_many_conversions", "Too many Studio conversions are waiting; try again later.", 30);
        }
    }

    private void run(String key, Work work) {
        try {
            boolean[] done = {false};
            while (!done[0]) {
                work.run();
                pending.compute(key, (k, again) -> {
                    if (again != null && again.getAndSet(false)) return again;
                    done[0] = true;
                    return null;
                });
            }
        } catch (InterruptedException e) {
            pending.remove(key);
            Thread.currentThread().interrupt(); // stopping: the database says what to resume
        } catch (RuntimeException e) {
            pending.remove(key);
            LOG.warn("Studio conversion {} failed", key, e);
        }
    }

    @Override
    public void resume() {
        for (String projectId : studio.convertingProjects()) submitQuietly(() -> submitProject(projectId));
        for (var c : studio.convertingChapters()) submitQuietly(() -> submitChapter(c.projectId(), c.chapterId()));
    }

    private static void submitQuietly(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            LOG.warn("Studio conversion not resumed now (queue full); it resumes at the next start");
        }
    }

    @Override
    public void close() {
        WorkerPools.stop(pool);
    }
}
