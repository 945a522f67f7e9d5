package dev.timbre.jobs;

/**
 * What a job kind does for one job. Runs on a {@code db-scheduler} worker thread of whichever node claimed the job;
 * returning ends the job (its execution is deleted), throwing is a failed attempt that the kind's {@link Retries}
 * schedule again or give up. An interrupt means this node is stopping: throw (the job is then tried again later, here
 * or on another node), never return as if done.
 *
 * @param <T> the job's data, a record stored as JSON
 */
@FunctionalInterface
public interface JobHandler<T> {
    void run(String jobId, T data) throws Exception;
}
