package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.JsonText;
import dev.timbre.agent.tools.ToolKind;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.agent.transcript.DynamicVariableUpdate;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.engine.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tool stage: runs one round's tool calls in order, each to its result (system tools here, client tools through
 * the client, webhook tools through {@link ToolRunner} off the loop), records them and tells the LLM. Loop thread
 * only; a result that arrives after the turn was cancelled, or after the call's timeout, is dropped.
 */
final class ToolStage {
    /**
     * What a finished round of tool calls asks of the session ({@code endReason}: the termination reason when
     * {@code endCall}, null for end_call's).
     */
    record Outcome(boolean needsReply, boolean endCall, String farewell, String endReason) {}

    private final ConversationSession session;
    private final SessionLoop loop;
    private final ToolRunner runner;
    private final SystemTools systemTools;
    /** Client tool calls waiting for {@code client_tool_result}, by tool call id. */
    private final Map<String, Consumer<Frame.ClientToolResult>> waitingClient = new HashMap<>();

    ToolStage(ConversationSession session, SessionLoop loop, ToolRunner runner, AgentDirectory directory) {
        this.session = session;
        this.loop = loop;
        this.runner = runner;
        this.systemTools = new SystemTools(session, loop, directory);
    }

    /** Runs {@code calls} of {@code turn}, recorded on transcript entry {@code entry}; then {@code done}. */
    void run(Turn turn, List<ToolCall> calls, int entry, Consumer<Outcome> done) {
        run(turn, calls, entry, name -> session.agent().tool(name).orElse(null), done);
    }

    /** As {@link #run(Turn, List, int, Consumer)}, with the tools found by {@code tools} (null: unknown). */
    void run(Turn turn, List<ToolCall> calls, int entry, Function<String, AgentTool> tools, Consumer<Outcome> done) {
        new Round(turn, calls.iterator(), entry, tools, done).next();
    }

    /** A client's result; false when no call of that id is waiting. */
    boolean clientResult(Frame.ClientToolResult result) {
        Consumer<Frame.ClientToolResult> c = waitingClient.remove(result.toolCallId());
        if (c == null) return false;
        c.accept(result);
        return true;
    }

    /**
     * One result, as the LLM and the transcript get it ({@code workflow}: a workflow move's steps, else null;
     * {@code assignments}: variables a webhook tool set, or empty).
     */
    record Result(String value, boolean isError, boolean called, Map<String, Object> details, Map<String, Object> workflow,
                  Map<String, Object> assignments) {
        Result(String value, boolean isError, boolean called, Map<String, Object> details) {
            this(value, isError, called, details, null, Map.of());
        }

        static Result ok(String value) { return new Result(value, false, true, null); }
        static Result error(String value) { return new Result(value, true, true, null); }
    }

    private final class Round {
        private final Turn turn;
        private final Iterator<ToolCall> calls;
        private final int entry;
        private final Function<String, AgentTool> tools;
        private final Consumer<Outcome> done;
        private boolean needsReply;
        private boolean endCall;
        private String farewell;
        private String endReason;

        Round(Turn turn, Iterator<ToolCall> calls, int entry, Function<String, AgentTool> tools, Consumer<Outcome> done) {
            this.turn = turn;
            this.calls = calls;
            this.entry = entry;
            this.tools = tools;
            this.done = done;
        }

        void next() {
            if (!session.isLive(turn)) return;
            if (!calls.hasNext() || endCall) {
                done.accept(new Outcome(needsReply, endCall, farewell, endReason));
                return;
            }
            ToolCall call = calls.next();
            AgentTool tool = tools.apply(call.name());
            Instant started = loop.now();
            if (tool == null) {
                needsReply = true;
                finish(call, null, "unknown", call.argumentsJson(), started,
                        new Result("Tool '" + call.name() + "' does not exist. Available tools: "
                                + session.agent().tools().stream().map(AgentTool::name).toList(), true, false, null));
                return;
            }
            String args = session.variables().renderJson(call.argumentsJson());
            String type = tool.kind().wireName();
            session.emit(new Frame.ToolRequest(session.nextEventId(), call.name(), call.id(), type));
            boolean[] completed = {false};
            Consumer<Result> complete = r -> {
                if (completed[0] || !session.isLive(turn)) return;
                completed[0] = true;
                finish(call, tool, type, args, started, r);
            };
            switch (tool.kind()) {
                case SYSTEM -> {
                    Consumer<SystemTools.Effect> later = e -> {
                        if (completed[0] || !session.isLive(turn)) return;
                        apply(e);
                        complete.accept(e.result());
                    };
                    SystemTools.Effect effect = systemTools.run(tool, JsonText.object(args), later);
                    apply(effect);
                    if (effect.result() != null) complete.accept(effect.result());
                }
                case CLIENT -> {
                    session.emit(new Frame.ClientToolCall(session.nextEventId(), call.name(), call.id(), args));
                    if (!tool.expectsResponse()) {
                        complete.accept(Result.ok("The client tool was called; no response is expected."));
                        return;
                    }
                    needsReply = true;
                    waitingClient.put(call.id(), r -> complete.accept(new Result(r.result(), r.isError(), true,
                            Map.of("type", "client", "parameters", args))));
                    turn.timers.add(() -> waitingClient.remove(call.id())); // a cancelled turn stops waiting
                    timeout(tool, call, complete);
                }
                case WEBHOOK, MCP -> {
                    needsReply = true;
                    Map<String, Object> vars = session.variables().values();
                    loop.executeBlocking(() -> {
                        Result r;
                        try {
                            ToolRunner.Result out = runner.run(tool, args, vars);
                            r = new Result(out.value(), out.isError(), true, out.details(), null, out.assignments());
                        } catch (RuntimeException e) {
                            r = Result.error("The tool failed: " + e.getMessage());
                        }
                        Result result = r;
                        loop.execute(() -> complete.accept(result));
                    });
                    timeout(tool, call, complete);
                }
            }
        }

        private void apply(SystemTools.Effect effect) {
            needsReply |= effect.needsReply();
            endCall |= effect.endCall();
            if (effect.farewell() != null) farewell = effect.farewell();
            if (effect.endReason() != null) endReason = effect.endReason();
        }

        private void timeout(AgentTool tool, ToolCall call, Consumer<Result> complete) {
            Duration limit = tool.responseTimeout();
            turn.timers.add(loop.schedule(limit, () -> {
                waitingClient.remove(call.id());
                complete.accept(Result.error("Tool '" + call.name() + "' did not respond within " + limit.toSeconds() + " seconds."));
            }));
        }

        private void finish(ToolCall call, AgentTool tool, String type, String args, Instant started, Result r) {
            waitingClient.remove(call.id());
            List<DynamicVariableUpdate> updates = r.assignments() == null || r.assignments().isEmpty() ? List.of()
                    : session.assignVariables(r.assignments(), call.name(), call.id());
            double latency = Duration.between(started, loop.now()).toNanos() / 1e9;
            Map<String, Object> details = r.details() != null ? r.details()
                    : tool != null && tool.kind() == ToolKind.CLIENT ? Map.of("type", "client", "parameters", args) : null;
            String recorded = tool != null && WorkflowStage.isTransition(tool) ? "workflow" : type;
            session.recordTool(turn, entry, new ToolCallEntry(recorded, call.id(), call.name(), args, r.called(), details),
                    new ToolResultEntry(recorded, call.id(), call.name(), r.value(), r.isError(), r.called(), latency, r.workflow(), updates));
            session.emit(new Frame.ToolResponse(session.nextEventId(), call.name(), call.id(), type, r.isError(), r.called()));
            next();
        }
    }
}
