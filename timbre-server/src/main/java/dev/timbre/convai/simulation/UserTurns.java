package dev.timbre.convai.simulation;

import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated user's side of one simulation, turn by turn: reports each finished turn's new messages (their
 * {@code time_in_call_secs} shifted past the partial history, cut at the limit), decides whether there is room for
 * another exchange (a user message and the agent's reply) within {@code limit} new messages, and asks the
 * {@link SimulatedUser} for the next message. Used on the simulation's driving thread only.
 */
final class UserTurns {
    private final SimulatedUser user;
    private final List<TranscriptEntry> history;
    private final int limit;
    private final int offsetSecs;
    private final SimulationService.Progress progress;
    private final List<TranscriptEntry> emitted = new ArrayList<>();
    /** 1 when the history ends with a user message: the session hears it again as its first message. */
    private final int replayed;
    private boolean userDone;

    UserTurns(SimulatedUser user, List<TranscriptEntry> history, int limit, int offsetSecs, SimulationService.Progress progress) {
        this.user = user;
        this.history = history;
        this.limit = limit;
        this.offsetSecs = offsetSecs;
        this.progress = progress;
        this.replayed = !history.isEmpty() && history.get(history.size() - 1).role().equals("user") ? 1 : 0;
    }

    /**
     * The user's first message, sent before the agent has said anything in this run, or null when the agent speaks
     * first (its first message, or the partial history ends with a user message the agent must answer: that one).
     */
    String opening(AgentProfile agent) {
        if (!history.isEmpty()) {
            TranscriptEntry last = history.get(history.size() - 1);
            if (last.role().equals("user")) return last.message() == null || last.message().isBlank() ? null : last.message();
            return limit >= 2 ? ask(List.of()) : null;
        }
        if (!agent.firstMessage().isBlank() || limit < 2) return null;
        return ask(List.of());
    }

    /** After a finished turn: reports its messages, then the user's next message, or null to hang up. */
    String next(List<TranscriptEntry> transcript) {
        emit(transcript);
        if (userDone || transcript.size() - replayed + 2 > limit) return null;
        return ask(transcript);
    }

    /** Reports what the last turn added (the session's end may add messages with no finished turn); returns all new ones. */
    List<TranscriptEntry> emitRest(List<TranscriptEntry> transcript) {
        emit(transcript);
        return List.copyOf(emitted);
    }

    private String ask(List<TranscriptEntry> transcript) {
        List<TranscriptEntry> seen = new ArrayList<>(SimulationHistory.context(history));
        seen.addAll(transcript);
        SimulatedUser.Reply reply = user.next(seen);
        if (reply.hangsUp()) {
            userDone = true;
            return reply.text().isBlank() ? null : reply.text();
        }
        return reply.text();
    }

    private void emit(List<TranscriptEntry> transcript) {
        List<TranscriptEntry> fresh = transcript.subList(Math.min(replayed, transcript.size()), transcript.size());
        int end = Math.min(fresh.size(), limit);
        if (end <= emitted.size()) return;
        List<TranscriptEntry> added = new ArrayList<>();
        for (TranscriptEntry e : fresh.subList(emitted.size(), end)) added.add(shifted(e));
        emitted.addAll(added);
        progress.entries(added);
    }

    /** The entry as the response shows it: timed after the history. */
    private TranscriptEntry shifted(TranscriptEntry e) {
        return new TranscriptEntry(e.role(), e.message(), e.timeInCallSecs() + offsetSecs, e.toolCalls(), e.toolResults(),
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium());
    }
}
