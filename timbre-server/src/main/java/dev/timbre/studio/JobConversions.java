package dev.timbre.studio;

import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link StudioConversions} as durable jobs ({@code dev.timbre.jobs}, kinds {@code studio-project} and
 * {@code studio-chapter}, one job per project or chapter): claimed by one node, resumed after a restart or taken over
 * when its node dies (every spoken block is stored, so a run continues where the last one stopped). A conversion asked
 * for while its job waits is absorbed; asked for while it runs on this node, it runs once more when it ends (so an
 * edit made meanwhile is converted too) — on another node, the next request after it ends does. An interrupted run
 * (the node stopping) is tried again {@link #RETRY_AFTER} later. Thread-safe.
 */
final class JobConversions implements StudioConversions {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    record ProjectJob(String projectId) {}

    record ChapterJob(String projectId, String chapterId) {}

    private interface Work {
        void run() throws InterruptedException;
    }

    private final StudioRepository studio;
    private final JobKind<ProjectJob> projects;
    private final JobKind<ChapterJob> chapters;
    /** Conversions running on this node, each with whether it was asked for again meanwhile. */
    private final ConcurrentHashMap<String, AtomicBoolean> runningHere = new ConcurrentHashMap<>();

    JobConversions(Jobs jobs, Conversion conversion, StudioRepository studio) {
        this.studio = studio;
        Retries retries = new Retries(5, RETRY_AFTER);
        this.projects = jobs.register("studio-project", ProjectJob.class, retries,
                (id, job) -> runRepeating(id, () -> conversion.project(job.projectId())), (id, job, cause) -> { });
        this.chapters = jobs.register("studio-chapter", ChapterJob.class, retries,
                (id, job) -> runRepeating(id, () -> conversion.chapter(job.projectId(), job.chapterId())), (id, job, cause) -> { });
    }

    @Override
    public void submitProject(String projectId) {
        String id = "project-" + projectId;
        if (!askAgainIfRunning(id)) projects.schedule(id, new ProjectJob(projectId));
    }

    @Override
    public void submitChapter(String projectId, String chapterId) {
        String id = "chapter-" + chapterId;
        if (!askAgainIfRunning(id)) chapters.schedule(id, new ChapterJob(projectId, chapterId));
    }

    private boolean askAgainIfRunning(String id) {
        AtomicBoolean again = runningHere.get(id);
        if (again == null) return false;
        again.set(true);
        return true;
    }

    private void runRepeating(String id, Work work) throws InterruptedException {
        AtomicBoolean again = new AtomicBoolean(false);
        runningHere.put(id, again);
        try {
            do {
                again.set(false);
                work.run();
            } while (again.get());
        } finally {
            runningHere.remove(id, again);
        }
    }

    @Override
    public void resume() {
        // the jobs resume by themselves; this schedules what an older version left converting without a job
        for (String projectId : studio.convertingProjects()) submitProject(projectId);
        for (var c : studio.convertingChapters()) submitChapter(c.projectId(), c.chapterId());
    }

    @Override
    public void close() {
        // the jobs are the scheduler's: Timbre stops it
    }
}
