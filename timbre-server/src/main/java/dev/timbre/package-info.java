/**
 * The application's entry point and composition root: the only place that knows every feature and wires them
 * together.
 *
 * <ul>
 *   <li>{@link dev.timbre.Main}: {@code timbre serve [--port N] [--data DIR] [--config FILE] [--database-url URL
 *       --database-user U --database-password P]}: flags → {@code ConfigLoader} (defaults → YAML → env → flags) →
 *       {@link dev.timbre.Timbre#start}; adds a shutdown hook that closes it, then waits up to 120 s for the engines
 *       to be ready and logs the time to healthy.</li>
 *   <li>{@link dev.timbre.Timbre}: builds, in order, engines ({@code EngineCatalog}, loading in the background) →
 *       database (Flyway migrations) → blob store under {@code <data>/blobs} → repositories → services → one list of
 *       route mounts handed to {@code ApiServer} (each area's {@code …Routes} at its URL prefix; two groups may share a
 *       prefix, e.g. {@code /v1/audio}). Then resumes pending speech-to-text and post-call jobs. A failure while
 *       starting closes the database and engines again.</li>
 * </ul>
 *
 * <p>Ownership: {@code Timbre} owns everything it built; {@link dev.timbre.Timbre#close} stops, in order, the HTTP
 * server, speech-to-text jobs, post-call work, the agents' language models, webhook tools, the engines, the voice
 * activity detectors and the database. Accessors ({@code voices()}, {@code agents()}, {@code languageModels()}…) are
 * for tests; callers never close what they return.
 *
 * <p>Rule: features never reach each other through this class; a service gets what it needs through its constructor
 * here. Shared helpers live in {@code dev.timbre.common}, not in this package, so no feature depends on the root.
 */
package dev.timbre;
