/**
 * Durable jobs for every long operation that must survive a restart: one db-scheduler ({@code
 * com.github.kagkarlsson:db-scheduler}) {@code Scheduler} on the application's database, shared by the features.
 *
 * <ul>
 *   <li>{@link dev.timbre.jobs.Jobs}: built by {@code Timbre} on {@code Database.dataSource()} with
 *       {@link dev.timbre.jobs.JobSettings} ({@code TIMBRE_JOB_*}); features {@code register} their kinds in their
 *       constructors, {@code Timbre} starts it after their start-up catch-up and closes it first at stop (before the
 *       services and the database). Table {@code scheduled_tasks} (V27, db-scheduler's PostgreSQL columns, VARCHAR keys
 *       for H2). On H2 db-scheduler finds no dialect of its own and uses its generic JDBC (logged as such); with
 *       {@code alwaysPersistTimestampInUTC} both databases store the same instants.</li>
 *   <li>{@link dev.timbre.jobs.JobKind}: one kind (a db-scheduler one-time task); {@code schedule(jobId, data)} is
 *       idempotent, the job id being the feature row's id; {@code cancel} removes a waiting job.
 *       {@link dev.timbre.jobs.JobHandler}: what one attempt does; {@link dev.timbre.jobs.Retries}: attempts and
 *       back-off (doubling), then {@code Jobs.GiveUp} records the failure in the feature's row.
 *       {@link dev.timbre.jobs.JsonTaskData}: job data as JSON through {@code http.Json}, never Java serialization.</li>
 * </ul>
 *
 * <p>Guarantees (db-scheduler's): a due job is claimed by exactly one node (an optimistic update of its row's
 * {@code version}); the node beats every {@code heartbeatInterval} for the jobs it runs; a job whose heartbeat is
 * {@code missedHeartbeats} intervals old is revived by any node's dead-execution check (every two intervals) and runs
 * again, so a killed node's work resumes within {@link dev.timbre.jobs.JobSettings#takeOverWithin()} (31 s by
 * default). Delivery is at least once: a node that dies after an outside effect (a webhook POST) and before recording
 * it repeats the effect once revived; handlers therefore check their row's state first and do nothing for a row that
 * is no longer pending, so an effect is repeated only by that crash window, or by a node that stalls (without
 * heartbeats) past the take-over bound and then carries on. Concurrency is bounded per node by
 * {@code TIMBRE_JOB_THREADS}; waiting jobs wait in the table, not in memory. Several servers share jobs only through a shared database
 * and a shared blob store: a speech-to-text job reads its upload, a {@code post_call_audio} job its recording, from
 * the blob store ({@code storage}, the local data directory by default).
 *
 * <p>Features keep their own state tables for what the API shows (status, error, attempts) and, once at start-up,
 * schedule pending rows that have no job (rows from before this package, or a stop between a row and its job). The
 * feature rows count attempts before working, so a job that takes its node down each time is failed, not revived
 * forever. Kinds: speech-to-text webhooks, post-call work, dubbing, Studio conversions, PVC separation and training
 * ({@code pvc-separation}, {@code pvc-training}), RAG indexes ({@code rag-index}) and agent-test runs
 * ({@code agent-test-run}). Batch calling ({@code convai.batchcalling.BatchDispatcher}) runs on its own worker: each
 * node claims recipients by a compare-and-set on their rows, with its node id.
 *
 * <p>Threading: handlers run on db-scheduler's pool ({@code db-scheduler-*}); its housekeeping (heartbeats, dead
 * checks) on its own thread. {@code close()} stops claiming, waits {@code shutdownWait} (5 s) for running jobs, then
 * interrupts them: a handler throws on interrupt, so its job is tried again later rather than lost.
 */
package dev.timbre.jobs;
