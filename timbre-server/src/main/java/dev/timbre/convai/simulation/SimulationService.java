package dev.timbre.convai.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.convai.postcall.AnalysisSettings;
import dev.timbre.convai.postcall.ConversationAnalyser;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.LanguageModel;
import dev.timbre.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated conversations (E08/E09): the agent's own session, text only, against a {@link SimulatedUser}, tools
 * mocked ({@link SimulationTools}), until end_call, the simulated user hangs up, the agent's time limit, or the turn
 * limit; then the post-call analysis (agent's criteria + {@code extra_evaluation_criteria}, data collection). Nothing is
 * stored. Blocking: {@link #run} occupies the caller's thread for the whole conversation.
 */
public final class SimulationService {
    /** Most new messages one simulation makes, whatever {@code new_turns_limit} says (the seed's default is 10000). */
    public static final int MAX_NEW_MESSAGES = 200;
    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);

    private final AgentsService agents;
    private final AgentProfiles profiles;
    private final AgentLanguageModels models;
    private final ConversationAnalyser analyser;
    private final Clock clock;

    /** @param analyser the post-call analyser, run on the finished simulation with the agent's language model */
    public SimulationService(AgentsService agents, AgentProfiles profiles, AgentLanguageModels models, ConversationAnalyser analyser, Clock clock) {
        this.agents = agents;
        this.profiles = profiles;
        this.models = models;
        this.analyser = analyser;
        this.clock = clock;
    }

    /** Receives the messages each finished turn added, in order (the partial history first), on the caller's thread. */
    public interface Progress {
        void entries(List<TranscriptEntry> added);
    }

    /** A checked request bound to its agent; {@link #prepare} throws 404 before anything is streamed. */
    public record Prepared(AgentProfile agent, SimulatedUser user, SimulationRequest request, Duration maxDuration,
                           AnalysisSettings analysis) {}

    /** {@code AgentSimulatedChatTestResponseModel}. */
    public record Result(List<TranscriptEntry> simulatedConversation, Analysis analysis) {}

    public Prepared prepare(String agentId, SimulationRequest request) {
        ObjectNode view = agents.get(agentId);
        AgentProfile agent = SimulatedAgentProfile.forSimulation(profiles.profile(agentId, view),
                SimulationHistory.asText(SimulationHistory.context(request.history())));
        SimulatedUser user = new SimulatedUser(models.forPrompt(SimulatedUser.promptOf(request.simulatedUser())), request.simulatedUser());
        AnalysisSettings settings = AnalysisSettings.of(view);
        List<AnalysisSettings.Criterion> criteria = new ArrayList<>(settings.criteria());
        request.extraCriteria().forEach(c -> criteria.add(new AnalysisSettings.Criterion(c.id(), c.name(), c.conversationGoalPrompt())));
        return new Prepared(agent, user, request, SimulatedAgentProfile.maxDuration(view),
                new AnalysisSettings(criteria, settings.dataCollection(), settings.language()));
    }

    public Result simulate(String agentId, SimulationRequest request, Progress progress) {
        return run(prepare(agentId, request), progress);
    }

    /** Runs the conversation; a failed language model is a 502 (503 when it may pass), after any progress. */
    public Result run(Prepared p, Progress progress) {
        SimulationRequest r = p.request();
        int limit = Math.min(r.newTurnsLimit(), MAX_NEW_MESSAGES);
        int offset = SimulationHistory.endSecs(r.history());
        if (!r.history().isEmpty()) progress.entries(r.history());
        SimulationTools tools = new SimulationTools(r.toolMocks());
        SimulationRun run = new SimulationRun(p.agent(), tools);
        String id = "sim_" + Ids.random();
        ExecutorSessionLoop loop = new ExecutorSessionLoop(id, clock, e -> log.warn("simulation {} task failed", id, e));
        SessionConfig config = SessionConfig.of(id, p.agent()).withDynamicVariables(r.dynamicVariables()).withMaxDuration(p.maxDuration());
        ConversationSession session = new ConversationSession(config, loop, run, tools, null);
        run.attach(session);
        session.start(Duration.ZERO);
        UserTurns turns = new UserTurns(p.user(), r.history(), limit, offset, progress);
        SimulationRun.Outcome outcome;
        try {
            outcome = run.drive(turns::next, turns.opening(p.agent()), System.nanoTime() + p.maxDuration().plusSeconds(30).toNanos());
        } catch (InterruptedException e) {
            session.hangUp("Interrupted", 1000);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "simulation_interrupted", "The simulation was interrupted.");
        } catch (RuntimeException e) {
            session.hangUp("Simulation stopped", 1000);
            if (e instanceof EngineException ee) throw llmFailed("simulated user", ee.retryable(), ee.getMessage());
            throw e;
        }
        List<TranscriptEntry> added = turns.emitRest(outcome.transcript());
        if (outcome.end().isError() && !"max_duration_exceeded".equals(outcome.end().errorType())) {
            throw llmFailed("agent", true, outcome.end().errorMessage());
        }
        List<TranscriptEntry> all = new ArrayList<>(r.history());
        all.addAll(added);
        return new Result(all, analyser.analyse(all, p.analysis(), p.agent().model()));
    }

    /** What {@link #agentTurn} returns: the agent's new messages and the language model that wrote them. */
    public record Turn(List<TranscriptEntry> entries, LanguageModel model) {}

    /**
     * One agent turn, for agent tests: the agent configured by {@code view} (its stored config, with any overrides
     * merged in) answers {@code history}, whose last entry is the user message it answers; no first message is said,
     * tools answer with the default mock. Blocks the caller for at most {@code limit} plus 10 s. A failed language
     * model is an {@link EngineException}.
     */
    public Turn agentTurn(String agentId, ObjectNode view, List<TranscriptEntry> history, java.util.Map<String, Object> dynamicVariables,
                          Duration limit) throws InterruptedException {
        ObjectNode config = view.deepCopy();
        config.withObject("/conversation_config/agent").put("first_message", "");
        AgentProfile agent = SimulatedAgentProfile.forSimulation(profiles.profile(agentId, config),
                SimulationHistory.asText(SimulationHistory.context(history)));
        SimulationTools tools = new SimulationTools(java.util.Map.of());
        SimulationRun run = new SimulationRun(agent, tools);
        String id = "test_" + Ids.random();
        Duration max = SimulatedAgentProfile.maxDuration(view).compareTo(limit) < 0 ? SimulatedAgentProfile.maxDuration(view) : limit;
        ExecutorSessionLoop loop = new ExecutorSessionLoop(id, clock, e -> log.warn("agent test {} task failed", id, e));
        ConversationSession session = new ConversationSession(SessionConfig.of(id, agent).withDynamicVariables(dynamicVariables)
                .withMaxDuration(max), loop, run, tools, null);
        run.attach(session);
        session.start(Duration.ZERO);
        SimulationRun.Outcome outcome;
        try {
            outcome = run.drive(transcript -> null, history.get(history.size() - 1).message(), System.nanoTime() + max.plusSeconds(10).toNanos());
        } catch (InterruptedException | RuntimeException e) {
            session.hangUp("Agent test stopped", 1000);
            throw e;
        }
        if (outcome.end().isError() && !"max_duration_exceeded".equals(outcome.end().errorType())) {
            throw new EngineException("the agent's language model failed: " + outcome.end().errorMessage(), null, true);
        }
        List<TranscriptEntry> t = outcome.transcript();
        return new Turn(List.copyOf(t.subList(Math.min(1, t.size()), t.size())), agent.model());
    }

    private static ApiException llmFailed(String side, boolean retryable, String detail) {
        log.warn("simulation: the {}'s language model failed: {}", side, detail);
        return new ApiException(retryable ? 503 : 502, "llm_error", "The " + side + "'s language model failed"
                + (retryable ? "; try again later." : "."));
    }
}
