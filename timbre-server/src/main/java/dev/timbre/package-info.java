/**
 * The application's entry point and composition root: the only place that knows every feature and wires them
 * together.
 *
 * <ul>
 *   <li>{@link dev.timbre.Main}: {@code timbre serve [--port N] [--data DIR] [--config FILE] [--database-url URL
 *       --database-user U --database-password P]}: flags → {@code ConfigLoader} (defaults → YAML → env → flags) →
 *       {@link dev.timbre.Timbre#start}; adds a shutdown hook that closes it, then waits up to 120 s for the engines
 *       to be ready and logs the time to healthy.</li>
 *   <li>{@link dev.timbre.ServerAssembly}: builds, in order, engines ({@code EngineCatalog.configured}, loading in
 *       the background) → database (Flyway migrations) → blob store → repositories → services (features register
 *       their durable-job kinds) → one list of route mounts handed to {@code ApiServer} (each area's {@code …Routes}
 *       at its URL prefix; two groups may share a prefix, e.g. {@code /v1/audio}; an engine-role node keeps only the
 *       engine-facing ones). Then the start-up catch-ups (jobs' pending rows, batches, the orphan-blob sweep) and the
 *       job scheduler's start. A failure while starting closes what was opened.</li>
 *   <li>{@link dev.timbre.Timbre}: the running server and what it owns: accessors for tests, {@code drain} (readiness
 *       503, new conversations refused, job claiming paused, running conversations waited for) and {@code close}.</li>
 * </ul>
 *
 * <p>Ownership: {@code Timbre} owns everything it built; {@link dev.timbre.Timbre#close} stops, in order, the HTTP
 * server, the phone side, the job scheduler (running jobs finish or are tried again later), the services, the engines,
 * the voice activity detectors, the limit counters, the cluster node's heartbeat, the database and tracing. Accessors ({@code voices()}, {@code agents()}, {@code languageModels()}…) are
 * for tests; callers never close what they return.
 *
 * <p>Rule: features never reach each other through this class; a service gets what it needs through its constructor
 * here. Shared helpers live in {@code dev.timbre.common}, not in this package, so no feature depends on the root.
 */
package dev.timbre;
