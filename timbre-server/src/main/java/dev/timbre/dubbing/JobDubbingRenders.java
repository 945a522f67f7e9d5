package dev.timbre.dubbing;

import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders of {@code POST /v1/dubbing/resource/{id}/render/{language}} as durable jobs ({@code dev.timbre.jobs}, kind
 * {@code dubbing-render}): the render row is {@code processing} until the job stores the media and marks it
 * {@code complete}, or {@code failed} (a {@link DubbingFailure}, storage failure, or 3 runs cut short). A newer render
 * of the same language and type replaces the row; an older job's result then no longer touches it (the version
 * differs). Thread-safe.
 */
final class JobDubbingRenders {
    private static final Logger LOG = LoggerFactory.getLogger(JobDubbingRenders.class);

    /** The job's data. */
    record RenderJob(String dubbingId, String renderId, String language, String type, int version) {}

    private final JobKind<RenderJob> kind;

    JobDubbingRenders(Jobs jobs, DubbingRepository dubs, ResourceRepository edits, ResourceWork work) {
        this.kind = jobs.register("dubbing-render", RenderJob.class, new Retries(3, Duration.ofSeconds(5)),
                (id, job) -> {
                    var d = dubs.find(job.dubbingId());
                    if (d.isEmpty()) return;
                    try {
                        String key = work.render(d.get(), job.language(), job.type());
                        edits.renderDone(job.dubbingId(), job.renderId(), job.version(), "complete", key);
                    } catch (DubbingFailure | IOException e) {
                        LOG.info("render {} of dub {} failed: {}", job.renderId(), job.dubbingId(), e.toString());
                        edits.renderDone(job.dubbingId(), job.renderId(), job.version(), "failed", null);
                    }
                },
                (id, job, cause) -> edits.renderDone(job.dubbingId(), job.renderId(), job.version(), "failed", null));
    }

    /** Queues the render (its row already stored as processing). */
    void submit(RenderJob job) {
        kind.schedule(job.dubbingId() + "." + job.renderId() + "." + job.version(), job);
    }
}
