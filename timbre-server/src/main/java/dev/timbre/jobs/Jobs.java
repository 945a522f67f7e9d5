package dev.timbre.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one durable job scheduler: db-scheduler on the application's {@link DataSource} (table
 * {@code scheduled_tasks}, V27). Features {@link #register} their job kinds while they are built; the first
 * {@code schedule} or {@link #start} freezes the list (db-scheduler knows its tasks from the start). A job is claimed
 * by exactly one node (an optimistic version update of its row), kept alive by that node's heartbeat, run again by
 * any node once {@link JobSettings#takeOverWithin()} passes without one, and tried again after a failure as its kind's
 * {@link Retries} say. At most {@link JobSettings#threads()} jobs run at once on a node.
 *
 * <p>Threading: jobs run on db-scheduler's threads ({@code db-scheduler-*}); registering, scheduling, starting and
 * closing may happen on any thread. {@link #close()} stops polling, lets running jobs finish for
 * {@link JobSettings#shutdownWait()}, then interrupts them (they stay in the table and run again later). The owner
 * closes it before the {@code DataSource}.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** Called once a job's last attempt failed, before the job is removed; marks the feature's row failed. */
    @FunctionalInterface
    public interface GiveUp<T> {
        void gaveUp(String jobId, T data, Throwable cause);
    }

    private final DataSource dataSource;
    private final JobSettings settings;
    private final List<Task<?>> tasks = new ArrayList<>();
    private Scheduler scheduler;
    private boolean started, closed;

    public Jobs(DataSource dataSource, JobSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    public JobSettings settings() {
        return settings;
    }

    /**
     * Registers a kind of job named {@code name} (unique; it is stored in the table, so renaming one orphans its
     * pending jobs) whose data is a {@code dataType} (a record, stored as JSON). {@code giveUp} runs when the last
     * attempt failed; it should record the failure where the feature shows it.
     */
    public synchronized <T> JobKind<T> register(String name, Class<T> dataType, Retries retries, JobHandler<T> handler, GiveUp<T> giveUp) {
        if (scheduler != null) throw new IllegalStateException("job kind " + name + " registered after the scheduler was built");
        if (tasks.stream().anyMatch(t -> t.getName().equals(name))) throw new IllegalArgumentException("job kind " + name + " registered twice");
        FailureHandler<T> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(retries.firstDelay(), 2.0);
        FailureHandler<T> failures = new FailureHandler.MaxRetriesFailureHandler<>(retries.maxAttempts() - 1, backoff, (complete, ops) -> {
            @SuppressWarnings("unchecked")
            TaskInstance<T> instance = (TaskInstance<T>) complete.getExecution().taskInstance;
            Throwable cause = complete.getCause().orElse(null);
            log.warn("job {} {} failed {} times; giving up", name, instance.getId(), retries.maxAttempts());
            try {
                giveUp.gaveUp(instance.getId(), instance.getData(), cause instanceof JobFailure f && f.getCause() != null ? f.getCause() : cause);
            } catch (RuntimeException e) {
                log.warn("job {} {}: recording the failure failed: {}", name, instance.getId(), e.toString());
            }
        });
        OneTimeTask<T> task = Tasks.oneTime(name, dataType).onFailure(failures).onDeadExecutionRevive()
                .execute((instance, context) -> {
                    try {
                        handler.run(instance.getId(), instance.getData());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobFailure(e);
                    } finally {
                        // an interrupt (this node stopping) is consumed here: db-scheduler records the attempt's end
                        // on this thread next, and that database write must not be refused as interrupted
                        Thread.interrupted();
                    }
                });
        tasks.add(task);
        return new JobKind<>(this, task);
    }

    /** Starts claiming and running due jobs (including those left by a stopped or dead node). */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("jobs closed");
        if (started) return;
        scheduler().start();
        started = true;
        log.info("job scheduler started: {} threads, poll {} ms, take-over within {} s", settings.threads(),
                settings.pollInterval().toMillis(), settings.takeOverWithin().toSeconds());
    }

    /**
     * Stops claiming jobs (a draining node): the running ones finish, what is due waits for another node. Scheduling
     * still works. Not undone.
     */
    public synchronized void pause() {
        if (started && !closed) scheduler.pause();
    }

    /** Jobs due and not claimed by any node: the cluster's backlog (a {@code /metrics} gauge). -1 when unknown. */
    public long backlog() {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = ? AND execution_time <= ?")) {
            q.setBoolean(1, false);
            q.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
            try (var r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    synchronized Scheduler scheduler() {
        if (scheduler == null) {
            SchedulerBuilder b = Scheduler.create(dataSource, List.copyOf(tasks))
                    .threads(settings.threads())
                    .pollingInterval(settings.pollInterval())
                    .heartbeatInterval(settings.heartbeatInterval())
                    .missedHeartbeatsLimit(settings.missedHeartbeats())
                    .shutdownMaxWait(settings.shutdownWait())
                    .serializer(new JsonTaskData())
                    .alwaysPersistTimestampInUTC() // the columns keep the zone anyway; one behaviour on H2 and PostgreSQL
                    .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, false)
                    .enableImmediateExecution();
            if (settings.nodeName() != null) b.schedulerName(new SchedulerName.Fixed(settings.nodeName()));
            scheduler = b.build();
        }
        return scheduler;
    }

    @Override
    public void close() {
        Scheduler s;
        synchronized (this) {
            if (closed) return;
            closed = true;
            s = started ? scheduler : null;
        }
        if (s != null) s.stop();
    }

    /** A checked exception from a {@link JobHandler}, carried through db-scheduler to the failure handler. */
    static final class JobFailure extends RuntimeException {
        JobFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
