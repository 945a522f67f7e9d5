/**
 * Agent tests ({@code /v1/convai/agent-testing}, {@code /v1/convai/agents/{id}/run-tests},
 * {@code /v1/convai/test-invocations}; E39–E47).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.agenttesting.AgentTestingRoutes} / {@link dev.timbre.convai.agenttesting.AgentTestsService}:
 *       tests (response tests: chat history, success condition, examples; tool tests: {@code tool_call_parameters}),
 *       checked by {@code UnitTestChecks} and stored as JSON in {@code agent_tests} (V23). Listed newest first.</li>
 *   <li>{@link dev.timbre.convai.agenttesting.TestInvocationsRoutes} / {@link dev.timbre.convai.agenttesting.TestInvocationsService}:
 *       an invocation stores one pending run per test ({@code agent_test_invocations}, {@code agent_test_runs}) and
 *       queues them on the bounded {@code runner.TestWorkers} (429 {@code too_many_test_runs} when full, nothing
 *       stored); each run is then passed or failed with a {@code condition_result} (result, rationale messages and a
 *       summary naming the rule or judge that decided) and the agent's messages. Resubmit re-runs finished runs.</li>
 *   <li>{@link dev.timbre.convai.agenttesting.AgentTesting}: the wiring, the worker pool's size and time limits.</li>
 * </ul>
 *
 * <p>Crash safety: a run is a row before it is queued; runs left pending by a stopped server are queued again by
 * {@code resumePending()} at start-up. Deleting a test keeps the runs that used it; a pending one then fails.
 */
package dev.timbre.convai.agenttesting;
