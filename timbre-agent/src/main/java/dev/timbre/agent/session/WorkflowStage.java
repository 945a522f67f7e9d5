package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.workflow.Condition;
import dev.timbre.agent.workflow.Workflow;
import dev.timbre.agent.workflow.WorkflowNode;
import dev.timbre.agent.workflow.WorkflowRun;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The session's side of an agent's workflow ({@link WorkflowRun}): what entering a node does to the conversation.
 * Subagent nodes change the profile the session uses ({@link WorkflowProfiles}), tool nodes run their tools as a turn
 * of their own and leave by result, agent transfer nodes switch agents, end nodes end the call. The current node's LLM
 * edges are offered to the LLM as system tools ({@value #TRANSITION}). Every move is recorded in the transcript as a
 * {@code workflow} tool call and result. Loop thread only.
 */
final class WorkflowStage {
    /** The system tool type of the LLM transition tools. */
    static final String TRANSITION = "workflow_transition";
    /** Moves allowed between two user messages; a loop of automatic edges stops there. */
    static final int MAX_MOVES_PER_TURN = 16;

    private final ConversationSession session;
    private final SessionLoop loop;
    private final ToolStage tools;
    private final AgentDirectory directory;
    private final PhoneTools phone;
    private WorkflowRun run;
    /** The agent whose workflow runs, and that agent with the current subagent's override. */
    private AgentProfile base;
    private AgentProfile nodeProfile;
    /**
     * The current node has yet to act: it was entered by an LLM transition (it acts at the end of the turn), or it is
     * a tool node whose run a user message cancelled (it runs again after the turn that answered the user).
     */
    private boolean pending;
    private int moves;
    private int requests;
    private String voiceId;

    WorkflowStage(ConversationSession session, SessionLoop loop, ToolStage tools, AgentDirectory directory) {
        this.session = session;
        this.loop = loop;
        this.tools = tools;
        this.directory = directory;
        this.phone = new PhoneTools(session, loop);
    }

    static boolean isTransition(AgentTool tool) { return TRANSITION.equals(tool.systemType()); }

    /** {@code agent} takes over the conversation (the session began, or a transfer): its workflow starts, if any. */
    void start(AgentProfile agent) {
        base = agent;
        nodeProfile = agent;
        pending = false;
        Workflow wf = agent.workflow();
        run = wf == null || wf.startNodeId() == null ? null : new WorkflowRun(wf);
        if (run == null) return;
        session.useProfile(withTransitions(nodeProfile));
        advance(null);
    }

    /** A user message arrived: the move budget starts again. */
    void userSpoke() { moves = 0; }

    /** An agent turn finished: the node entered by an LLM transition acts now, else the automatic edges are tried. */
    void afterTurn() {
        if (run == null || !session.running() || session.replying()) return;
        if (pending) {
            pending = false;
            act(run.current());
        } else {
            advance(null);
        }
    }

    /** The LLM called transition tool {@code tool}: moves along its edge. */
    SystemTools.Effect transition(AgentTool tool) {
        Object edgeId = tool.params().get("edge_id");
        Optional<Workflow.Transition> t = run == null || edgeId == null ? Optional.empty() : run.llmTransition(edgeId.toString());
        if (t.isEmpty()) return SystemTools.Effect.reply(ToolStage.Result.error("This transition is not available at this point of the conversation."));
        moves++;
        WorkflowNode node = run.take(t.get());
        ToolStage.Result r = new ToolStage.Result("Moved to workflow node '" + t.get().target() + "'.", false, true, null,
                steps(List.of(edgeStep(t.get()))), Map.of());
        if (node instanceof WorkflowNode.End) return new SystemTools.Effect(r, false, true, null);
        if (node instanceof WorkflowNode.Subagent || node instanceof WorkflowNode.Start) {
            enterProfile(node);
            return SystemTools.Effect.reply(r); // the LLM goes on as the node's agent
        }
        pending = true;
        return new SystemTools.Effect(r, false, false, null);
    }

    /**
     * Takes automatic transitions until none holds, a subagent is entered (its edges wait for its turn), or a node
     * that acts (tools, transfer, end) is entered.
     */
    private void advance(Boolean toolsSucceeded) {
        List<Map<String, Object>> steps = new ArrayList<>();
        WorkflowNode entered = null;
        Boolean succeeded = toolsSucceeded;
        while (session.running()) {
            if (moves >= MAX_MOVES_PER_TURN) {
                if (run.automatic(session.variables().values(), succeeded).isPresent()) {
                    steps.add(Map.of("type", "max_iterations_exceeded", "max_iterations", MAX_MOVES_PER_TURN, "step_latency_secs", 0.0));
                }
                break;
            }
            Optional<Workflow.Transition> t = run.automatic(session.variables().values(), succeeded);
            if (t.isEmpty()) break;
            succeeded = null;
            moves++;
            entered = run.take(t.get());
            steps.add(edgeStep(t.get()));
            if (!(entered instanceof WorkflowNode.Subagent) && !(entered instanceof WorkflowNode.Start)) break;
            enterProfile(entered);
            boolean subagent = entered instanceof WorkflowNode.Subagent;
            entered = null;
            if (subagent) break; // a subagent's edges are tried after its first turn
        }
        if (steps.isEmpty()) return;
        record(steps, "Moved to workflow node '" + run.currentId() + "'.", false);
        if (entered != null) act(entered);
    }

    /** What a node other than start or a subagent does when entered. */
    private void act(WorkflowNode node) {
        if (node instanceof WorkflowNode.Subagent || node instanceof WorkflowNode.Start) {
            enterProfile(node);
        } else if (node instanceof WorkflowNode.End) {
            session.endCall("Workflow reached an end node.");
        } else if (node instanceof WorkflowNode.Tools t) {
            runTools(t);
        } else if (node instanceof WorkflowNode.AgentTransfer a) {
            transfer(a);
        } else if (node instanceof WorkflowNode.PhoneTransfer p) {
            phoneTransfer(p);
        }
    }

    /**
     * A {@code phone_number} node: the call is transferred as by {@code transfer_to_number} (after the agent's words so
     * far); success ends the call, a refusal is recorded as an error and the conversation stays at the node.
     */
    private void phoneTransfer(WorkflowNode.PhoneTransfer node) {
        if (session.phone() == null) {
            record(List.of(), "The phone_number node transfers phone calls only; this conversation is not a phone call.", true);
            return;
        }
        String destination = PhoneTools.destination(Map.of("transfer_destination", node.destination()));
        if (destination == null) {
            record(List.of(), "The phone_number node has no transfer destination.", true);
            return;
        }
        phone.call(destination, node.transferType() == null ? "conference" : node.transferType(), "", (conference, failure) -> {
            if (!session.running()) return;
            if (failure != null) {
                record(List.of(), failure, true);
                return;
            }
            record(List.of(), "Transferred the call to " + destination + ".", false);
            session.endCall(PhoneTools.transferredReason(destination));
        });
    }

    private void enterProfile(WorkflowNode node) {
        nodeProfile = node instanceof WorkflowNode.Subagent s ? WorkflowProfiles.apply(base, s.override()) : base;
        session.useProfile(withTransitions(nodeProfile));
        String voice = node instanceof WorkflowNode.Subagent s ? s.override().voiceId() : null;
        if (!java.util.Objects.equals(voice, voiceId)) {
            voiceId = voice;
            session.voiceChanged(voice);
        }
    }

    /** A tool node: its tools run as a turn of their own (recorded, given to the LLM), then it leaves by result. */
    private void runTools(WorkflowNode.Tools node) {
        Map<String, AgentTool> byName = new LinkedHashMap<>();
        List<ToolCall> calls = new ArrayList<>();
        for (AgentTool tool : node.tools()) {
            byName.put(tool.name(), tool);
            calls.add(new ToolCall("workflow_tool_" + (++requests), tool.name(), "{}"));
        }
        if (calls.isEmpty()) {
            advance(true);
            return;
        }
        pending = true;
        Turn turn = session.newTurn();
        int entry = session.transcript().addAgent(null, session.secondsInCall(), 0);
        session.history().add(ChatMessage.assistant("", calls));
        for (ToolCall c : calls) turn.unanswered.put(c.id(), c);
        tools.run(turn, calls, entry, byName::get, outcome -> {
            if (!session.isLive(turn)) return;
            pending = false;
            session.history().closeCalls(turn.unanswered.values(), "Not run: the call ended.");
            turn.unanswered.clear();
            Set<String> ids = new HashSet<>();
            calls.forEach(c -> ids.add(c.id()));
            boolean ok = session.transcript().get(entry).toolResults().stream()
                    .filter(r -> ids.contains(r.requestId())).noneMatch(ToolResultEntry::isError);
            session.dropTurn(turn);
            advance(ok);
            // the agent speaks next, in the node the results led to (with the results in its history)
            if (session.running() && !session.replying()) session.startTurn(session.history().messages());
        });
    }

    private void transfer(WorkflowNode.AgentTransfer node) {
        loop.executeBlocking(() -> {
            Optional<AgentProfile> found;
            try {
                found = directory.find(node.agentId());
            } catch (RuntimeException e) {
                found = Optional.empty();
            }
            Optional<AgentProfile> target = found;
            loop.execute(() -> {
                if (!session.running()) return;
                if (target.isEmpty()) {
                    record(List.of(), "Agent '" + node.agentId() + "' could not be found.", true);
                    return;
                }
                Runnable go = () -> {
                    if (!session.running()) return;
                    if (node.transferMessage() != null && !node.transferMessage().isBlank()) session.say(node.transferMessage());
                    session.switchAgent(target.get(), node.transferredAgentFirstMessage());
                    session.transcriptUpdated();
                };
                if (node.delayMs() > 0) loop.schedule(Duration.ofMillis(node.delayMs()), go);
                else go.run();
            });
        });
    }

    /** {@code profile} with the current node's LLM edges as transition tools. */
    private AgentProfile withTransitions(AgentProfile profile) {
        List<AgentTool> all = new ArrayList<>(profile.tools());
        Set<String> names = new HashSet<>();
        all.forEach(t -> names.add(t.name()));
        for (Workflow.Transition t : run.llmTransitions()) {
            String name = toolName(t.target(), names);
            names.add(name);
            String condition = ((Condition.Llm) t.condition()).condition();
            all.add(AgentTool.system(new ToolSpec(name, "Call this to move the conversation on when: " + condition
                    + " (call it on its own, without a reply; you continue after it)", null), TRANSITION, Map.of("edge_id", t.edgeId())));
        }
        return WorkflowProfiles.withTools(profile, all);
    }

    private String toolName(String target, Set<String> taken) {
        WorkflowNode node = run.workflow().nodes().get(target);
        String label = node instanceof WorkflowNode.Subagent s && !s.label().isBlank() ? s.label() : target;
        String base = ("transition_to_" + label.replaceAll("[^A-Za-z0-9_-]+", "_")).toLowerCase(java.util.Locale.ROOT);
        if (base.length() > 60) base = base.substring(0, 60);
        String name = base;
        for (int i = 2; taken.contains(name); i++) name = base + "_" + i;
        return name;
    }

    private static Map<String, Object> edgeStep(Workflow.Transition t) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("type", "edge");
        step.put("edge_id", t.edgeId());
        step.put("target_node_id", t.target());
        step.put("step_latency_secs", 0.0);
        return step;
    }

    private static Map<String, Object> steps(List<Map<String, Object>> steps) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("steps", List.copyOf(steps));
        return result;
    }

    /** Records automatic moves (or a node's error) on the last agent entry, or on a new one after a user entry. */
    private void record(List<Map<String, Object>> steps, String value, boolean isError) {
        Transcript transcript = session.transcript();
        int last = transcript.size() - 1;
        int entry = last >= 0 && transcript.get(last).role().equals("agent") ? last
                : transcript.addAgent(null, session.secondsInCall(), 0);
        String id = "workflow_" + (++requests);
        transcript.addToolCall(entry, new ToolCallEntry("workflow", id, TRANSITION, "{}", true, null));
        transcript.addToolResult(entry, new ToolResultEntry("workflow", id, TRANSITION, value, isError, true, 0.0, steps(steps), null));
        session.transcriptUpdated();
    }
}
