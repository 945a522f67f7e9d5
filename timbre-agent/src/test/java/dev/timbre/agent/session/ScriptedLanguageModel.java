package dev.timbre.agent.session;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ToolCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A language model for tests that plays scripted replies, one per request, in order, synchronously inside
 * {@code open}. A reply without an ending ({@link Reply#hang}) stays open until closed.
 */
public final class ScriptedLanguageModel implements LanguageModel {
    public record Reply(List<String> deltas, List<ToolCall> calls, EngineException error, boolean hang) {
        public static Reply text(String... deltas) { return new Reply(List.of(deltas), List.of(), null, false); }
        public static Reply tools(ToolCall... calls) { return new Reply(List.of(), List.of(calls), null, false); }
        public static Reply textAndTools(String text, ToolCall... calls) { return new Reply(List.of(text), List.of(calls), null, false); }
        public static Reply fail(String message) { return new Reply(List.of(), List.of(), new EngineException(message), false); }
        public static Reply hang(String... deltas) { return new Reply(List.of(deltas), List.of(), null, true); }
    }

    private final Deque<Reply> replies = new ArrayDeque<>();
    public final List<ChatRequest> requests = new ArrayList<>();
    public final List<Boolean> closed = new ArrayList<>();

    public ScriptedLanguageModel(Reply... script) { replies.addAll(List.of(script)); }

    public void then(Reply r) { replies.add(r); }

    @Override public EngineInfo info() {
        return new EngineInfo("scripted", "test script", new EngineCapabilities(Set.of("en"), true, false, false));
    }

    @Override public synchronized ChatStream open(ChatRequest request, ChatListener listener) {
        requests.add(request);
        int index = closed.size();
        closed.add(false);
        Reply r = replies.isEmpty() ? Reply.text("(no more script)") : replies.poll();
        for (String d : r.deltas()) listener.text(d);
        r.calls().forEach(listener::toolCall);
        if (r.error() != null) listener.error(r.error());
        else if (!r.hang()) listener.end(r.calls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS, null);
        return () -> { synchronized (this) { closed.set(index, true); } };
    }
}
