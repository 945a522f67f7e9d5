/**
 * Operational endpoints, outside the API key check: {@code GET /health} and {@code GET /metrics}.
 *
 * <p>{@link dev.timbre.health.HealthRoutes}: {@code /health} answers 200 {@code {"status":"ok","engines_loaded":true,
 * "database":true}} once the engines have loaded and the database answers {@code SELECT 1}; otherwise 503 with
 * status {@code loading}, {@code engines_failed} or {@code database_unavailable} (start-up scripts and tests poll
 * it). {@code /metrics} is the Prometheus text scrape of the server's one registry: {@code timbre.http.requests} per
 * route and whatever the composition root and features register: {@code timbre.conversations.active},
 * {@code timbre.synthesis.queue}, {@code timbre.jobs.backlog} (gauges), {@code timbre.speech.first_audio} per engine
 * ({@code speech.SpeechMetrics}), the agent voice-latency and turn-overhead histograms.
 */
package dev.timbre.health;
