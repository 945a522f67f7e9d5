package dev.timbre.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * LLM cascading: tries providers in order and falls to the next one when the current one fails (an error, no first
 * output within {@code firstTokenTimeout}, or an empty reply) <em>before</em> it delivered any output. Once a
 * provider has delivered text or a tool call, the reply is committed to it: a later error is passed on as is.
 * The last provider's failure is reported when all failed. The listener sees only the committed provider's output.
 */
public final class FallbackLanguageModel implements LanguageModel {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llm-fallback-timer");
        t.setDaemon(true);
        return t;
    });

    private final List<LanguageModel> providers;
    private final Duration firstTokenTimeout;

    /**
     * @param providers in order of preference; at least one
     * @param firstTokenTimeout how long to wait for the first output of a provider that is not the last; null or
     *        zero for no limit
     */
    public FallbackLanguageModel(List<LanguageModel> providers, Duration firstTokenTimeout) {
        if (providers == null || providers.isEmpty()) throw new IllegalArgumentException("at least one provider");
        this.providers = List.copyOf(providers);
        this.firstTokenTimeout = firstTokenTimeout == null || firstTokenTimeout.isNegative() || firstTokenTimeout.isZero() ? null : firstTokenTimeout;
    }

    public List<LanguageModel> providers() { return providers; }

    @Override
    public EngineInfo info() {
        List<String> names = new ArrayList<>();
        Set<String> languages = new LinkedHashSet<>();
        boolean streaming = true;
        for (LanguageModel p : providers) {
            EngineInfo i = p.info();
            names.add(i.provider());
            languages.addAll(i.capabilities().languages());
            streaming &= i.capabilities().streamingInput();
        }
        return new EngineInfo("fallback", "cascade of " + String.join(" → ", names),
                new EngineCapabilities(languages, streaming, false, false));
    }

    @Override
    public ChatStream open(ChatRequest request, ChatListener listener) {
        Cascade c = new Cascade(request, Objects.requireNonNull(listener, "listener"));
        c.next(null, -1);
        return c;
    }

    @Override
    public void close() {
        for (LanguageModel p : providers) p.close();
    }

    private final class Cascade implements ChatStream {
        private final ChatRequest request;
        private final ChatListener listener;
        private final Object lock = new Object();
        private int attempt = -1;
        private boolean committed;
        private boolean finished;
        private boolean cancelled;
        private ChatStream current;
        private ScheduledFuture<?> timer;

        Cascade(ChatRequest request, ChatListener listener) {
            this.request = request;
            this.listener = listener;
        }

        /**
         * Moves on from attempt {@code from} to the next provider, or reports {@code failure} when none is left. Does
         * nothing when the cascade has already left {@code from} (a timeout and an error of the same attempt can race).
         * Called with no lock or with lock held.
         */
        void next(EngineException failure, int from) {
            ChatStream old;
            int index;
            synchronized (lock) {
                if (cancelled || finished || committed || attempt != from) return;
                if (timer != null) timer.cancel(false);
                old = current;
                current = null;
                index = ++attempt;
                if (index >= providers.size()) {
                    finished = true;
                    listener.error(failure != null ? failure : new EngineException("no language model answered", null, true));
                    return;
                }
                if (firstTokenTimeout != null && index < providers.size() - 1) {
                    timer = TIMER.schedule(() -> timeout(index), firstTokenTimeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            if (old != null) old.close();
            ChatStream s;
            try {
                s = providers.get(index).open(request, new Attempt(index));
            } catch (EngineException e) {
                next(e, index);
                return;
            } catch (RuntimeException e) {
                next(new EngineException(e.getMessage(), e, false), index);
                return;
            }
            boolean closeIt;
            synchronized (lock) {
                closeIt = attempt != index || cancelled;
                if (!closeIt) current = s;
            }
            if (closeIt && !committedTo(index)) s.close();
        }

        private boolean committedTo(int index) {
            synchronized (lock) { return committed && attempt == index; }
        }

        private void timeout(int index) {
            synchronized (lock) {
                if (attempt != index || committed) return;
            }
            next(new EngineException("language model " + providers.get(index).info().provider()
                    + " sent nothing within " + firstTokenTimeout.toMillis() + " ms", null, true), index);
        }

        @Override
        public void close() {
            ChatStream s;
            synchronized (lock) {
                if (cancelled) return;
                cancelled = true;
                if (timer != null) timer.cancel(false);
                s = current;
                current = null;
            }
            if (s != null) s.close();
        }

        private final class Attempt implements ChatListener {
            private final int index;

            Attempt(int index) { this.index = index; }

            private boolean live() { return attempt == index && !cancelled && !finished; }

            private void commit() {
                if (!committed) {
                    committed = true;
                    if (timer != null) timer.cancel(false);
                }
            }

            @Override
            public void text(String delta) {
                synchronized (lock) {
                    if (!live() || delta == null || delta.isEmpty()) return;
                    commit();
                    listener.text(delta);
                }
            }

            @Override
            public void toolCall(ToolCall call) {
                synchronized (lock) {
                    if (!live()) return;
                    commit();
                    listener.toolCall(call);
                }
            }

            @Override
            public void end(FinishReason reason, TokenUsage usage) {
                synchronized (lock) {
                    if (!live()) return;
                    if (committed || index == providers.size() - 1) {
                        finished = true;
                        listener.end(reason, usage);
                        return;
                    }
                }
                next(new EngineException("language model " + providers.get(index).info().provider() + " gave an empty reply", null, true), index);
            }

            @Override
            public void error(EngineException e) {
                synchronized (lock) {
                    if (!live()) return;
                    if (committed) {
                        finished = true;
                        listener.error(e);
                        return;
                    }
                }
                next(e, index);
            }
        }
    }
}
