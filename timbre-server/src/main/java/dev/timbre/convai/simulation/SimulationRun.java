package dev.timbre.convai.simulation;

import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One simulation: the agent's {@link ConversationSession} on one side, a {@link SimulatedUser} on the other.
 * Threading: the session calls this listener on its loop thread, which only queues what happened and answers client
 * tool calls with their mocks; {@link #drive} runs on the caller's thread, asks the simulated user (blocking on its
 * LLM) and hands the session its messages. The caller's {@code progress} is therefore called on the caller's thread.
 */
final class SimulationRun implements SessionListener {
    /** Something the session reported: a finished turn (the transcript so far) or the end. */
    private record Event(List<TranscriptEntry> transcript, SessionEnd end) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AgentProfile agent;
    private final SimulationTools tools;
    private ConversationSession session;

    SimulationRun(AgentProfile agent, SimulationTools tools) {
        this.agent = agent;
        this.tools = tools;
    }

    void attach(ConversationSession session) {
        this.session = session;
    }

    @Override
    public void send(Frame.Output frame) {
        if (frame instanceof Frame.ClientToolCall call && agent.tool(call.toolName()).map(t -> t.expectsResponse()).orElse(false)) {
            SimulationRequest.ToolMock mock = tools.mockOf(call.toolName());
            session.receive(new Frame.ClientToolResult(call.toolCallId(), mock.returnValue(), mock.isError()));
        }
    }

    @Override
    public void transcriptUpdated(List<TranscriptEntry> transcript) {
        events.add(new Event(transcript, null));
    }

    @Override
    public void ended(SessionEnd end) {
        events.add(new Event(end.transcript(), end));
    }

    /** What {@link #drive} hands back: the new messages (without the partial history) and how the session ended. */
    record Outcome(List<TranscriptEntry> transcript, SessionEnd end) {}

    /**
     * Runs the conversation to its end. {@code turn} is called with the transcript so far whenever it is the
     * simulated user's turn and answers with the user's message, or null to hang up. Returns when the session has
     * ended; {@code deadlineNanos} (System.nanoTime) is a last-resort guard, the session's own time limit comes first.
     */
    Outcome drive(java.util.function.Function<List<TranscriptEntry>, String> turn, String opening, long deadlineNanos)
            throws InterruptedException {
        if (opening != null) session.receive(new Frame.UserText(opening));
        boolean hungUp = false;
        while (true) {
            Event e = events.poll(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (e == null) {
                session.hangUp("Simulation time limit reached", 1000);
                hungUp = true;
                e = events.poll(10, TimeUnit.SECONDS);
                if (e == null) throw new IllegalStateException("the agent session did not end after hang-up");
            }
            if (e.end() != null) return new Outcome(e.transcript(), e.end());
            if (hungUp) continue;
            String next = turn.apply(e.transcript());
            if (next == null) {
                session.hangUp("The simulated user ended the conversation", 1000);
                hungUp = true;
            } else {
                session.receive(new Frame.UserText(next));
            }
        }
    }
}
