package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.agenttesting.runner.TestRunner;
import dev.timbre.convai.agenttesting.runner.TestWorkers;
import dev.timbre.convai.agenttesting.runner.Verdict;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test invocations (E45–E47): {@link #run} stores an invocation with one pending run per test and queues the runs on
 * the {@link TestWorkers} (all or none: a full queue is 429 and nothing is stored); each worker runs one test with the
 * {@link TestRunner} and stores its verdict. {@link #resubmit} puts finished runs back to pending and queues them again.
 * Crash safety: runs are rows first; {@link #resumePending} queues the pending ones at start-up (those that do not fit
 * fail, saying so). Thread-safe.
 */
public final class TestInvocationsService {
    private static final Logger log = LoggerFactory.getLogger(TestInvocationsService.class);

    private final TestRunRepository runs;
    private final AgentTestsService tests;
    private final AgentsService agents;
    private final ToolsService tools;
    private final TestRunner runner;
    private final TestWorkers workers;
    private final Clock clock;
    /** Runs queued or running in this process. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    TestInvocationsService(TestRunRepository runs, AgentTestsService tests, AgentsService agents, ToolsService tools, TestRunner runner,
                           TestWorkers workers, Clock clock) {
        this.runs = runs;
        this.tests = tests;
        this.agents = agents;
        this.tools = tools;
        this.runner = runner;
        this.workers = workers;
        this.clock = clock;
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
        runs.insert(new TestRunRepository.Invocation(invocationId, agentId, now), rows);
        if (!queue(rows.stream().map(StoredRun::testRunId).toList())) {
            runs.deleteInvocation(invocationId);
            throw ApiException.busy("too_many_test_runs", "Too many agent test runs are waiting; try again later.", 10);
        }
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
        Set<String> mine = new java.util.HashSet<>(runs.runs(invocationId).stream().map(StoredRun::testRunId).toList());
        for (String id : testRunIds) {
            if (!mine.contains(id)) throw ApiException.notFound("test_run_not_found", "Test run with id '" + id + "' not found in invocation '" + invocationId + "'");
            if (inFlight.contains(id)) throw new ApiException(409, "test_run_in_progress", "Test run '" + id + "' is still running; resubmit it when it has finished.");
        }
        runs.reset(testRunIds, agentId, override, clock.instant().getEpochSecond());
        if (!queue(testRunIds)) {
            for (String id : testRunIds) finish(id, List.of(), Verdict.failure(List.of(), "The queue of agent test runs was full; resubmit later."));
            throw ApiException.busy("too_many_test_runs", "Too many agent test runs are waiting; try again later.", 10);
        }
    }

    /** Queues the pending runs left by an earlier process; returns how many were queued. */
    public int resumePending() {
        int queued = 0;
        for (StoredRun r : runs.pending()) {
            if (inFlight.contains(r.testRunId())) continue;
            if (queue(List.of(r.testRunId()))) queued++;
            else finish(r.testRunId(), List.of(), Verdict.failure(List.of(), "The server restarted and could not queue this run again; resubmit it."));
        }
        if (queued > 0) log.info("resumed {} pending agent test runs", queued);
        return queued;
    }

    private boolean queue(List<String> runIds) {
        List<Runnable> tasks = runIds.stream().map(id -> (Runnable) () -> execute(id)).toList();
        inFlight.addAll(runIds);
        boolean ok = workers.submitAll(tasks);
        if (!ok) runIds.forEach(inFlight::remove);
        return ok;
    }

    /** One run on a worker thread: reads its row, runs the test, stores the verdict. */
    void execute(String runId) {
        try {
            StoredRun r = runs.run(runId).orElse(null);
            if (r == null || !r.status().equals(StoredRun.PENDING)) return;
            StoredTest t = tests.find(r.testId()).orElse(null);
            if (t == null) {
                finish(runId, List.of(), Verdict.failure(List.of(), "The test was deleted before it ran."));
                return;
            }
            TestRunner.Outcome o = runner.run(TestCases.of(t.definition(), tools::find), r.agentId(), r.agentConfigOverride());
            finish(runId, o.agentResponses(), o.verdict());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the run stays pending and resumes at the next start
        } catch (RuntimeException e) {
            log.warn("agent test run {} failed", runId, e);
            finish(runId, List.of(), Verdict.failure(List.of(), "The run failed: " + e.getMessage()));
        } finally {
            inFlight.remove(runId);
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
