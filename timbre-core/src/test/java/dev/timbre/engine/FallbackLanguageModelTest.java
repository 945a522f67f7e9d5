package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackLanguageModelTest {
    /** A fake provider: "error", "silent" (never answers), "empty", or text to stream; "late-error" streams then fails. */
    static final class Fake implements LanguageModel {
        final String name;
        final String behaviour;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        Fake(String name, String behaviour) { this.name = name; this.behaviour = behaviour; }

        @Override public EngineInfo info() { return new EngineInfo(name, name, new EngineCapabilities(Set.of("en"), true, false, false)); }

        @Override
        public ChatStream open(ChatRequest request, ChatListener listener) {
            calls.incrementAndGet();
            return new ThreadedChatStream(listener) {
                @Override protected void run() throws Exception {
                    switch (behaviour) {
                        case "error" -> throw new EngineException(name + " down", null, true);
                        case "silent" -> { Thread.sleep(60_000); }
                        case "empty" -> emitEnd(FinishReason.STOP, null);
                        case "late-error" -> { emitText("partial"); throw new EngineException(name + " broke", null, true); }
                        case "tool" -> { emitToolCall(new ToolCall("c1", "end_call", "{}")); emitEnd(FinishReason.TOOL_CALLS, null); }
                        default -> {
                            for (String w : behaviour.split(" ")) emitText(w + " ");
                            emitEnd(FinishReason.STOP, new TokenUsage(1, 2));
                        }
                    }
                }
                @Override protected void onCancel() { closed.set(true); }
            }.start("fake-" + name);
        }
    }

    static ChatRequest req() { return ChatRequest.of(List.of(ChatMessage.user("hi"))); }

    @Test
    void firstProviderAnswers() {
        Fake a = new Fake("a", "hello there"), b = new Fake("b", "other");
        ChatResult r = new FallbackLanguageModel(List.of(a, b), Duration.ofSeconds(5)).complete(req());
        assertThat(r.text()).isEqualTo("hello there ");
        assertThat(b.calls.get()).isZero();
    }

    @Test
    void fallsBackOnError() {
        Fake a = new Fake("a", "error"), b = new Fake("b", "from b");
        ChatResult r = new FallbackLanguageModel(List.of(a, b), null).complete(req());
        assertThat(r.text()).isEqualTo("from b ");
        assertThat(r.usage()).isEqualTo(new TokenUsage(1, 2));
    }

    @Test
    void fallsBackOnFirstTokenTimeoutAndCancelsTheSlowOne() {
        Fake a = new Fake("a", "silent"), b = new Fake("b", "quick");
        long t0 = System.nanoTime();
        ChatResult r = new FallbackLanguageModel(List.of(a, b), Duration.ofMillis(200)).complete(req());
        assertThat(r.text()).isEqualTo("quick ");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(a.closed.get()).isTrue();
    }

    @Test
    void fallsBackOnEmptyReply() {
        Fake a = new Fake("a", "empty"), b = new Fake("b", "tool");
        ChatResult r = new FallbackLanguageModel(List.of(a, b), null).complete(req());
        assertThat(r.toolCalls()).containsExactly(new ToolCall("c1", "end_call", "{}"));
    }

    @Test
    void lastFailureIsReported() {
        Fake a = new Fake("a", "error"), b = new Fake("b", "error");
        assertThatThrownBy(() -> new FallbackLanguageModel(List.of(a, b), null).complete(req())).hasMessage("b down");
    }

    @Test
    void noFallbackOnceOutputWasDelivered() {
        Fake a = new Fake("a", "late-error"), b = new Fake("b", "from b");
        assertThatThrownBy(() -> new FallbackLanguageModel(List.of(a, b), null).complete(req())).hasMessage("a broke");
        assertThat(b.calls.get()).isZero();
    }

    @Test
    void lastProviderHasNoFirstTokenTimeout() {
        Fake a = new Fake("a", "error"), b = new Fake("b", "slowish");
        LanguageModel slow = new LanguageModel() {
            @Override public EngineInfo info() { return b.info(); }
            @Override public ChatStream open(ChatRequest r, ChatListener l) {
                return new ThreadedChatStream(l) {
                    @Override protected void run() throws Exception { Thread.sleep(300); emitText("late"); emitEnd(FinishReason.STOP, null); }
                }.start("slow");
            }
        };
        ChatResult r = new FallbackLanguageModel(List.of(a, slow), Duration.ofMillis(50)).complete(req());
        assertThat(r.text()).isEqualTo("late");
    }

    @Test
    void closeCancelsTheCurrentProvider() throws Exception {
        Fake a = new Fake("a", "silent");
        ChatStream s = new FallbackLanguageModel(List.of(a), Duration.ofSeconds(10)).open(req(), new ChatListener() {
            @Override public void text(String d) {}
            @Override public void end(FinishReason r, TokenUsage u) {}
            @Override public void error(EngineException e) {}
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> a.calls.get() == 1);
        s.close();
        assertThat(a.closed.get()).isTrue();
    }
}
