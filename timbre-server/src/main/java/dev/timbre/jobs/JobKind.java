package dev.timbre.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;

/**
 * One registered kind of durable job ({@link Jobs#register}); schedules its jobs by id. The job id is db-scheduler's
 * task instance: a kind holds at most one job per id, so scheduling an id that is already scheduled or running does
 * nothing (how a feature re-schedules its pending rows at start-up without running anything twice). Thread-safe.
 *
 * @param <T> the job's data, a record stored as JSON
 */
public final class JobKind<T> {
    private final Jobs jobs;
    private final OneTimeTask<T> task;

    JobKind(Jobs jobs, OneTimeTask<T> task) {
        this.jobs = jobs;
        this.task = task;
    }

    public String name() {
        return task.getName();
    }

    /** Schedules job {@code jobId} to run now; false when a job with that id is already scheduled or running. */
    public boolean schedule(String jobId, T data) {
        return scheduleAt(jobId, data, Instant.now());
    }

    /** As {@link #schedule}, not before {@code when}. */
    public boolean scheduleAt(String jobId, T data, Instant when) {
        return jobs.scheduler().scheduleIfNotExists(task.instance(jobId, data), when);
    }

    /**
     * As {@link #schedule}, for a row that was just made pending again (a resubmit, a retrain): the previous job of
     * that id may still be finishing its last moments (its row done, its execution not yet removed), so this waits up
     * to {@code within} for it to go. False when a job of that id still exists after that: one yet to run finds
     * the row pending and works on it; after one still running, the row waits for the feature's catch-up (at start-up
     * and every cluster sweep).
     * Blocks the calling thread.
     */
    public boolean scheduleAgain(String jobId, T data, java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (schedule(jobId, data)) return true;
            if (System.nanoTime() >= deadline) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Whether job {@code jobId} is scheduled or running (on any node). */
    public boolean isScheduled(String jobId) {
        return jobs.scheduler().getScheduledExecution(TaskInstanceId.of(task.getName(), jobId)).isPresent();
    }

    /**
     * Cancels job {@code jobId} if it waits to run; true when it did. A job that is running (on any node) is not
     * stopped: false, as for one that is not scheduled.
     */
    public boolean cancel(String jobId) {
        try {
            jobs.scheduler().cancel(TaskInstanceId.of(task.getName(), jobId));
            return true;
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException e) {
            return false; // not found, or currently running
        }
    }
}
