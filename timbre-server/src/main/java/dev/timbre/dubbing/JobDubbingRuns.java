package dev.timbre.dubbing;

import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * {@link DubbingRuns} as durable jobs ({@code dev.timbre.jobs}, kind {@code dubbing}): a dub's run is claimed by one
 * node, survives restarts, and is taken over when its node dies; its pipeline resumes after the last stored stage. An
 * interrupted run (the node stopping) is tried again {@link #RETRY_AFTER} later, here or elsewhere; the pipeline itself
 * fails a dub after {@link DubbingPipeline#MAX_ATTEMPTS} runs that never finished. At most {@code maxWaiting} dubs may
 * be unfinished at once ({@link DubbingRuns.Busy} past that). {@link #cancel} interrupts a run of this node; a run on
 * another node notices the deletion at its next stage. Thread-safe.
 */
final class JobDubbingRuns implements DubbingRuns {
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The job's data: which dub. */
    record DubJob(String dubbingId) {}

    private final JobKind<DubJob> kind;
    private final IntSupplier unfinished;
    private final int maxWaiting;
    private final Map<String, Thread> runningHere = new ConcurrentHashMap<>();

    JobDubbingRuns(Jobs jobs, DubbingPipeline pipeline, DubbingRepository dubs, IntSupplier unfinished, int maxWaiting) {
        this.unfinished = unfinished;
        this.maxWaiting = maxWaiting;
        this.kind = jobs.register("dubbing", DubJob.class, new Retries(DubbingPipeline.MAX_ATTEMPTS + 1, RETRY_AFTER),
                (id, job) -> {
                    runningHere.put(id, Thread.currentThread());
                    try {
                        pipeline.run(id); // an InterruptedException is a failed attempt: tried again later
                    } finally {
                        runningHere.remove(id, Thread.currentThread());
                    }
                },
                (id, job, cause) -> dubs.failIfRunning(id, "dubbing failed: gave up after " + (DubbingPipeline.MAX_ATTEMPTS + 1) + " attempts"));
    }

    @Override
    public void submit(String dubbingId) throws Busy {
        if (kind.isScheduled(dubbingId)) return;
        if (unfinished.getAsInt() > maxWaiting) throw new Busy("Too many dubs are waiting; try again later.");
        kind.schedule(dubbingId, new DubJob(dubbingId));
    }

    @Override
    public void cancel(String dubbingId) {
        kind.cancel(dubbingId);
        Thread t = runningHere.get(dubbingId);
        if (t != null) t.interrupt();
    }

    @Override
    public void close() {
        // the jobs are the scheduler's: Timbre stops it
    }
}
