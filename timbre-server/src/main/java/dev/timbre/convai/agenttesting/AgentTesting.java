package dev.timbre.convai.agenttesting;

import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.agenttesting.runner.TestRunner;
import dev.timbre.convai.simulation.SimulationService;
import dev.timbre.convai.tools.ToolsService;
import dev.timbre.jobs.Jobs;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The agent-testing area, wired: its routes and its runs as durable jobs on the shared {@link Jobs} (at most
 * {@value #QUEUE} pending runs). One agent turn may take {@link #TURN_LIMIT}, one judge question {@link #JUDGE_TIMEOUT}.
 * Call {@link #resumePending} once at start-up (schedules pending runs that have no job). The runs stop with the
 * scheduler, which {@code Timbre} closes; an interrupted run stays pending and is tried again.
 */
public final class AgentTesting implements AutoCloseable {
    static final int QUEUE = 200;
    static final Duration TURN_LIMIT = Duration.ofSeconds(120);
    static final Duration JUDGE_TIMEOUT = Duration.ofSeconds(60);

    private final AgentTestsService tests;
    private final TestInvocationsService invocations;

    public AgentTesting(Jdbi jdbi, AgentsService agents, ToolsService tools, SimulationService simulation, Jobs jobs, Clock clock) {
        this.tests = new AgentTestsService(new AgentTestRepository(jdbi), clock);
        TestRunner runner = new TestRunner(TestRunner.replies(agents, simulation, TURN_LIMIT), JUDGE_TIMEOUT);
        this.invocations = new TestInvocationsService(new TestRunRepository(jdbi), tests, agents, tools, runner, jobs, QUEUE, clock);
    }

    /** For {@code /v1/convai/agent-testing}. */
    public EndpointGroup testRoutes() {
        return new AgentTestingRoutes(tests);
    }

    /** For {@code /v1/convai/test-invocations}. */
    public EndpointGroup invocationRoutes() {
        return new TestInvocationsRoutes(invocations);
    }

    /** For {@code /v1/convai/agents}: {@code POST /{agent_id}/run-tests}. */
    public EndpointGroup runTestsRoutes() {
        return new TestInvocationsRoutes(invocations).runTests();
    }

    public int resumePending() {
        return invocations.resumePending();
    }

    /** Nothing to stop: the runs are the shared scheduler's jobs. */
    @Override
    public void close() {
    }
}
