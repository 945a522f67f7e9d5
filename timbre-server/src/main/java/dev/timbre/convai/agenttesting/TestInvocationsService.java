package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.agenttesting.runner.TestRunner;
import dev.timbre.convai.agenttesting.runner.Verdict;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test invocations (E45–E47): {@link #run} stores an invocation with one pending run per test and schedules each run
 * as a durable job (kind {@value #JOB_KIND} on the shared {@link Jobs}, job id the run id); whichever node claims it
 * runs the test with the {@link TestRunner} and stores its verdict. At most {@link #queueLimit} runs may be pending
 * at once across the cluster (429 past that, nothing stored). {@link #resubmit} puts finished runs back to pending and
 * schedules them again. Crash safety: runs are rows first; each attempt is counted in the run's row before it works
 * (a run interrupted {@value #MAX_ATTEMPTS} times, its node stopped or dead, fails saying so), a run no longer pending
 * is left alone, a job whose node died is taken over by another node, and {@link #resumePending} at start-up only
 * schedules pending runs that have no job. Concurrency: the scheduler's threads ({@code TIMBRE_JOB_THREADS} per node).
 * Thread-safe.
 */
public final class TestInvocationsService {
    private static final Logger log = LoggerFactory.getLogger(TestInvocationsService.class);
    static final String JOB_KIND = "agent-test-run";
    static final int MAX_ATTEMPTS = 3;
    /** How long a resubmit waits for the previous job of a run to be removed. */
    private static final java.time.Duration REQUEUE_WAIT = java.time.Duration.ofSeconds(2);

    /** The job's data: which run. */
    record RunJob(String testRunId) {}

    private final TestRunRepository runs;
    private final AgentTestsService tests;
    private final AgentsService agents;
    private final ToolsService tools;
    private final TestRunner runner;
    private final int queueLimit;
    private final Clock clock;
    private final JobKind<RunJob> jobs;

    TestInvocationsService(TestRunRepository runs, AgentTestsService tests, AgentsService agents, ToolsService tools, TestRunner runner,
                           Jobs scheduler, int queueLimit, Clock clock) {
        this.runs = runs;
        this.tests = tests;
        this.agents = agents;
        this.tools = tools;
        this.runner = runner;
        this.queueLimit = queueLimit;
        this.clock = clock;
        this.jobs = scheduler.register(JOB_KIND, RunJob.class, new Retries(MAX_ATTEMPTS + 1, java.time.Duration.ofSeconds(5)),
                (id, job) -> execute(job.testRunId()),
                (id, job, cause) -> finish(job.testRunId(), List.of(), Verdict.failure(List.of(),
                        "The run failed: " + (cause == null ? "gave up" : cause.getMessage()))));
    }

    /** Starts an invocation of {@code testIds} on the agent; 404 for an unknown agent or test, 429 when the queue is full. */
    public InvocationView run(String agentId, List<String> testIds, JsonNode override) {
        agents.get(agentId);
        for (String id : testIds) if (tests.find(id).isEmpty()) throw AgentTestsService.notFound(id);
        long now = clock.instant().getEpochSecond();
        String invocationId = Ids.random();
        List<StoredRun> rows = new ArrayList<>();
        for (int i = 0; i < testIds.size(); i++) {
            rows.add(new StoredRun(Ids.random(), invocationId, i, testIds.get(i), agentId, StoredRun.PENDING, override, null, null, now));
        }
        if (runs.countPending() + rows.size() > queueLimit) throw busy();
        runs.insert(new TestRunRepository.Invocation(invocationId, agentId, now), rows);
        for (StoredRun r : rows) schedule(r.testRunId(), false);
        return get(invocationId);
    }

    public InvocationView get(String invocationId) {
        TestRunRepository.Invocation inv = runs.invocation(invocationId).orElseThrow(() -> notFound(invocationId));
        List<InvocationView.Run> out = runs.runs(invocationId).stream().map(r -> new InvocationView.Run(r.testRunId(), r.invocationId(),
                r.agentId(), r.status(), r.agentResponses(), r.testId(), tests.find(r.testId()).map(StoredTest::name).orElse(null),
                r.conditionResult(), r.lastUpdatedAtUnix())).toList();
        return new InvocationView(inv.invocationId(), inv.agentId(), inv.createdAtUnix(), out);
    }

    /** Runs {@code testRunIds} of the invocation again on {@code agentId}; 404 for unknown ids, 409 for one still running. */
    public void resubmit(String invocationId, List<String> testRunIds, String agentId, JsonNode override) {
        runs.invocation(invocationId).orElseThrow(() -> notFound(invocationId));
        agents.get(agentId);
        Map<String, StoredRun> mine = new java.util.HashMap<>();
        for (StoredRun r : runs.runs(invocationId)) mine.put(r.testRunId(), r);
        for (String id : testRunIds) {
            if (!mine.containsKey(id)) throw ApiException.notFound("test_run_not_found", "Test run with id '" + id + "' not found in invocation '" + invocationId + "'");
            if (mine.get(id).status().equals(StoredRun.PENDING)) {
                throw new ApiException(409, "test_run_in_progress", "Test run '" + id + "' is still running; resubmit it when it has finished.");
            }
        }
        if (runs.countPending() + testRunIds.size() > queueLimit) throw busy();
        runs.reset(testRunIds, agentId, override, clock.instant().getEpochSecond());
        for (String id : testRunIds) schedule(id, true);
    }

    /**
     * Schedules every pending run that has no job (scheduled or running on any node); returns how many. Once at
     * start-up: runs of a stop between the row and its job.
     */
    public int resumePending() {
        int scheduled = 0;
        for (StoredRun r : runs.pending()) scheduled += jobs.schedule(r.testRunId(), new RunJob(r.testRunId())) ? 1 : 0;
        if (scheduled > 0) log.info("scheduled {} pending agent test runs", scheduled);
        return scheduled;
    }

    /** A failure to schedule is logged: the run is stored pending, and the catch-up ({@link #resumePending}, at start-up and every cluster sweep) schedules it. */
    private void schedule(String runId, boolean again) {
        try {
            boolean ok = again ? jobs.scheduleAgain(runId, new RunJob(runId), REQUEUE_WAIT) : jobs.schedule(runId, new RunJob(runId));
            if (!ok) log.warn("agent test run {}: its previous job had not ended; the next cluster sweep schedules it", runId);
        } catch (RuntimeException e) {
            log.warn("could not schedule agent test run {} now: {}", runId, e.toString());
        }
    }

    private static ApiException busy() {
        return ApiException.busy("too_many_test_runs", "Too many agent test runs are waiting; try again later.", 10);
    }

    /**
     * One attempt at a run (a job's thread): counts it, runs the test, stores the verdict. An interrupt (this node
     * stopping) throws, leaving the run pending for the job's next attempt, here or on another node.
     */
    void execute(String runId) throws InterruptedException {
        int attempt = runs.startAttempt(runId);
        if (attempt < 0) return; // finished or gone meanwhile
        StoredRun r = runs.run(runId).orElse(null);
        if (r == null) return;
        if (attempt > MAX_ATTEMPTS) {
            finish(runId, List.of(), Verdict.failure(List.of(), "The run was interrupted " + (attempt - 1)
                    + " times (its server stopped or died); resubmit it."));
            return;
        }
        try {
            StoredTest t = tests.find(r.testId()).orElse(null);
            if (t == null) {
                finish(runId, List.of(), Verdict.failure(List.of(), "The test was deleted before it ran."));
                return;
            }
            TestRunner.Outcome o = runner.run(TestCases.of(t.definition(), tools::find), r.agentId(), r.agentConfigOverride());
            finish(runId, o.agentResponses(), o.verdict());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("stopping: " + e);
            log.warn("agent test run {} failed", runId, e);
            finish(runId, List.of(), Verdict.failure(List.of(), "The run failed: " + e.getMessage()));
        }
    }

    private void finish(String runId, List<TranscriptEntry> responses, Verdict v) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("result", v.result());
        ObjectNode rationale = result.putObject("rationale");
        com.fasterxml.jackson.databind.node.ArrayNode messages = rationale.putArray("messages");
        v.messages().forEach(messages::add);
        rationale.put("summary", v.summary());
        runs.finish(runId, v.passed() ? StoredRun.PASSED : StoredRun.FAILED, Json.MAPPER.valueToTree(responses), result,
                clock.instant().getEpochSecond());
    }

    static ApiException notFound(String invocationId) {
        return ApiException.notFound("test_invocation_not_found", "Test invocation with id '" + invocationId + "' not found");
    }
}
