package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.agent.workflow.Condition;
import dev.timbre.agent.workflow.Expression;
import dev.timbre.agent.workflow.NodeOverride;
import dev.timbre.agent.workflow.Workflow;
import dev.timbre.agent.workflow.WorkflowEdge;
import dev.timbre.agent.workflow.WorkflowNode;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowSessionTest {
    static final AgentTool LOOKUP = AgentTool.webhook(new ToolSpec("lookup_order", "finds the order", null), Duration.ofSeconds(3), "cfg");
    static final AgentTool REFUND = AgentTool.webhook(new ToolSpec("refund", "refunds", null), Duration.ofSeconds(3), "cfg");

    static AgentProfile agent(ScriptedLanguageModel model, Workflow wf) {
        return new AgentProfile("agent_1", "Shop", "You are the shop's agent.", "Hello!", "en", List.of("en"), List.of(),
                null, null, model, null, wf, null);
    }

    static SessionFixture run(AgentProfile agent, Map<String, Object> vars, ToolRunner runner) {
        return SessionFixture.started(SessionConfig.of("conv_wf", agent).withDynamicVariables(vars), runner, AgentDirectory.NONE);
    }

    static String systemPrompt(ChatRequest r) { return r.messages().get(0).content(); }

    static List<String> toolNames(ChatRequest r) { return r.tools().stream().map(ToolSpec::name).toList(); }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(List<TranscriptEntry> transcript) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TranscriptEntry e : transcript) {
            for (ToolResultEntry r : e.toolResults()) {
                if (r.type().equals("workflow") && r.result() != null) for (Object s : (List<?>) r.result().get("steps")) out.add((Map<String, Object>) s);
            }
        }
        return out;
    }

    /** start →(unconditional) intro →(expression verified) support →(llm) end. */
    static Workflow supportFlow() {
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        nodes.put("start_node", new WorkflowNode.Start());
        nodes.put("intro", new WorkflowNode.Subagent("Intro", new NodeOverride(null, "Ask for the order number.", null, null, null,
                null, null, null, null)));
        nodes.put("support", new WorkflowNode.Subagent("Support", new NodeOverride("You handle refunds.", null, null, null, null,
                null, List.of(REFUND), null, "voice_support")));
        nodes.put("end_node", new WorkflowNode.End());
        Map<String, WorkflowEdge> edges = new LinkedHashMap<>();
        edges.put("e_start", new WorkflowEdge("start_node", "intro", new Condition.Unconditional(null), null));
        edges.put("e_verified", new WorkflowEdge("intro", "support", new Condition.Expr("verified", Expression.parse(Map.of(
                "type", "eq_operator", "left", Map.of("type", "dynamic_variable", "name", "verified"),
                "right", Map.of("type", "boolean_literal", "value", true)))), null));
        edges.put("e_done", new WorkflowEdge("support", "end_node", new Condition.Llm(null, "the user has no more questions"), null));
        return new Workflow(nodes, edges);
    }

    @Test
    void theStartNodeMovesToTheFirstSubagentAndAFalseExpressionStaysPut() {
        var model = new ScriptedLanguageModel(Reply.text("Sure, what's the order number?"), Reply.text("Still here."));
        var f = new SessionFixture(SessionConfig.of("conv_wf", agent(model, supportFlow())).withDynamicVariables(Map.of("verified", false)),
                ToolRunner.NONE, AgentDirectory.NONE);
        f.session.start(null);
        f.loop.drain();

        f.say("I want a refund");
        ChatRequest first = model.requests.get(0);
        assertThat(systemPrompt(first)).isEqualTo("You are the shop's agent.\n\nAsk for the order number.");
        assertThat(toolNames(first)).isEmpty();
        assertThat(f.out.end).isNull();
        assertThat(steps(f.out.transcript)).extracting(s -> s.get("target_node_id")).containsExactly("intro");
        // verified is false: the expression edge is not taken, the agent stays the intro subagent
        f.say("It's 42");
        assertThat(systemPrompt(model.requests.get(1))).endsWith("Ask for the order number.");
        assertThat(steps(f.out.transcript)).hasSize(1);
    }

    @Test
    void aTrueExpressionMovesOnAfterTheTurnAndTheLlmEndsTheCallThroughItsTransitionTool() {
        var model = new ScriptedLanguageModel(Reply.text("Thanks, what's the order?"), Reply.text("Refund done."),
                Reply.tools(new ToolCall("c2", "transition_to_end_node", "{}")));
        var f = run(agent(model, supportFlow()), Map.of("verified", true), ToolRunner.NONE);
        assertThat(steps(f.out.transcript)).extracting(s -> s.get("edge_id")).containsExactly("e_start");
        f.say("I want a refund");
        // the turn ran in the intro node; after it, the expression edge moved on to support
        assertThat(systemPrompt(model.requests.get(0))).endsWith("Ask for the order number.");
        assertThat(steps(f.out.transcript)).extracting(s -> s.get("edge_id")).containsExactly("e_start", "e_verified");
        f.say("Please refund order 42");
        ChatRequest second = model.requests.get(1);
        assertThat(systemPrompt(second)).isEqualTo("You handle refunds.");
        assertThat(toolNames(second)).containsExactly("refund", "transition_to_end_node");
        assertThat(second.tools().get(1).description()).contains("the user has no more questions");
        assertThat(f.out.end).isNull();
        f.say("That's all, thanks");
        assertThat(f.out.end).isNotNull();
        assertThat(f.out.end.terminationReason()).isEqualTo("end_call tool was called.");
        assertThat(steps(f.out.end.transcript())).extracting(s -> s.get("edge_id")).containsExactly("e_start", "e_verified", "e_done");
        var last = f.out.end.transcript().get(f.out.end.transcript().size() - 1);
        assertThat(last.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("workflow");
            assertThat(c.toolName()).isEqualTo("transition_to_end_node");
        });
        assertThat(model.requests).hasSize(3);
    }

    @Test
    void aTransitionToolOfAnotherNodeIsRefused() {
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("c1", "transition_to_end_node", "{}")), Reply.text("Sorry."));
        var f = run(agent(model, supportFlow()), Map.of("verified", false), ToolRunner.NONE);
        f.say("bye");
        assertThat(toolNames(model.requests.get(0))).isEmpty();
        assertThat(f.out.end).isNull();
        assertThat(f.out.responses()).containsExactly("Hello!", "Sorry.");
    }

    @Test
    void aSubagentVoiceIsReportedToTheListener() {
        var model = new ScriptedLanguageModel(Reply.text("ok"));
        var listener = new RecordingListener();
        var loop = new ManualLoop();
        var session = new ConversationSession(SessionConfig.of("c", agent(model, supportFlow())).withDynamicVariables(Map.of("verified", true)),
                loop, listener, ToolRunner.NONE, AgentDirectory.NONE);
        session.start(null);
        loop.drain();
        session.receive(new Frame.UserText("hi"));
        loop.drain();
        assertThat(listener.voices).containsExactly("voice_support");
    }

    /** start → tool node (lookup) →(success) found / (failure) end. */
    static Workflow toolFlow() {
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        nodes.put("start_node", new WorkflowNode.Start());
        nodes.put("lookup", new WorkflowNode.Tools(List.of(LOOKUP)));
        nodes.put("found", new WorkflowNode.Subagent("Found", new NodeOverride(null, "Tell the user their order status.", null, null,
                null, null, null, null, null)));
        nodes.put("end_node", new WorkflowNode.End());
        Map<String, WorkflowEdge> edges = new LinkedHashMap<>();
        edges.put("e1", new WorkflowEdge("start_node", "lookup", null, null));
        edges.put("ok", new WorkflowEdge("lookup", "found", new Condition.Result(null, true), null));
        edges.put("failed", new WorkflowEdge("lookup", "end_node", new Condition.Result(null, false), null));
        return new Workflow(nodes, edges);
    }

    @Test
    void aToolNodeRunsItsToolAndLeavesBySuccess() {
        var model = new ScriptedLanguageModel(Reply.text("Your order shipped."));
        ToolRunner runner = (tool, args, vars) -> new ToolRunner.Result("{\"status\":\"shipped\"}", false, null, 0.01);
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, toolFlow())), runner, AgentDirectory.NONE);
        f.loop.drainUntil(() -> !model.requests.isEmpty());
        assertThat(f.out.end).isNull();
        ChatRequest r = model.requests.get(0);
        assertThat(systemPrompt(r)).endsWith("Tell the user their order status.");
        assertThat(r.messages().stream().filter(m -> m.role() == ChatMessage.Role.TOOL).map(ChatMessage::content)).containsExactly("{\"status\":\"shipped\"}");
        assertThat(f.out.responses()).containsExactly("Hello!", "Your order shipped.");
        assertThat(steps(f.out.transcript)).extracting(s -> s.get("target_node_id")).containsExactly("lookup", "found");
        assertThat(f.out.transcript.stream().flatMap(e -> e.toolResults().stream()).filter(t -> t.toolName().equals("lookup_order")))
                .singleElement().satisfies(t -> assertThat(t.isError()).isFalse());
    }

    @Test
    void aToolNodeCancelledByAUserMessageRunsAgainAfterTheTurnThatAnsweredIt() throws Exception {
        var model = new ScriptedLanguageModel(Reply.text("One moment."), Reply.text("Your order shipped."));
        var firstCall = new java.util.concurrent.CountDownLatch(1);
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        ToolRunner runner = (tool, args, vars) -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    firstCall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ToolRunner.Result("{\"status\":\"shipped\"}", false, null, 0.01);
        };
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, toolFlow())), runner, AgentDirectory.NONE);
        f.say("where is my order?");
        firstCall.countDown();
        f.loop.drainUntil(() -> model.requests.size() == 2);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(f.out.responses()).containsExactly("Hello!", "One moment.", "Your order shipped.");
        assertThat(systemPrompt(model.requests.get(1))).endsWith("Tell the user their order status.");
        assertThat(steps(f.out.transcript)).extracting(s -> s.get("edge_id")).containsExactly("e1", "ok");
    }

    @Test
    void aFailedToolNodeLeavesByFailureAndTheEndNodeEndsTheCall() {
        var model = new ScriptedLanguageModel();
        ToolRunner runner = (tool, args, vars) -> new ToolRunner.Result("HTTP 500", true, null, 0.01);
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, toolFlow())), runner, AgentDirectory.NONE);
        f.loop.drainUntil(() -> f.out.end != null);
        assertThat(f.out.end.terminationReason()).isEqualTo("Workflow reached an end node.");
        assertThat(steps(f.out.end.transcript())).extracting(s -> s.get("edge_id")).containsExactly("e1", "failed");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void aLoopOfToolNodesStopsAtTheMoveBudget() {
        Map<String, WorkflowNode> nodes = new LinkedHashMap<>();
        nodes.put("s", new WorkflowNode.Start());
        nodes.put("a", new WorkflowNode.Tools(List.of(LOOKUP)));
        nodes.put("b", new WorkflowNode.Tools(List.of(LOOKUP)));
        Map<String, WorkflowEdge> edges = new LinkedHashMap<>();
        edges.put("sa", new WorkflowEdge("s", "a", null, null));
        edges.put("ab", new WorkflowEdge("a", "b", new Condition.Result(null, true), null));
        edges.put("ba", new WorkflowEdge("b", "a", new Condition.Result(null, true), null));
        var model = new ScriptedLanguageModel(Reply.text("Looked it up."));
        ToolRunner runner = (tool, args, vars) -> new ToolRunner.Result("ok", false, null, 0.0);
        var f = SessionFixture.started(SessionConfig.of("c", agent(model, new Workflow(nodes, edges))), runner, AgentDirectory.NONE);
        f.loop.drainUntil(() -> !model.requests.isEmpty());
        var steps = steps(f.out.transcript);
        assertThat(steps).hasSize(WorkflowStage.MAX_MOVES_PER_TURN + 1);
        assertThat(steps.get(WorkflowStage.MAX_MOVES_PER_TURN).get("type")).isEqualTo("max_iterations_exceeded");
        assertThat(f.out.responses()).containsExactly("Hello!", "Looked it up.");
    }
}
