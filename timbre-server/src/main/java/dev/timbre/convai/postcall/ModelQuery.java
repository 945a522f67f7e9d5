package dev.timbre.convai.postcall;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One blocking question to a language model with a time limit (the stream is closed, i.e. cancelled, after it). */
public final class ModelQuery {
    private ModelQuery() {}

    /** The reply text. Throws {@link EngineException} when the model fails or does not finish within {@code timeout}. */
    public static String ask(LanguageModel model, String system, String user, Duration timeout) {
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(system), ChatMessage.user(user)), List.of(), 0.0, 1024, null);
        StringBuilder text = new StringBuilder();
        CompletableFuture<String> done = new CompletableFuture<>();
        ChatStream stream = model.open(request, new ChatListener() {
            @Override public void text(String delta) { synchronized (text) { text.append(delta); } }
            @Override public void end(FinishReason reason, TokenUsage usage) {
                synchronized (text) { done.complete(text.toString()); }
            }
            @Override public void error(EngineException e) { done.completeExceptionally(e); }
        });
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EngineException("the language model did not answer within " + timeout.toMillis() + " ms", e, true);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EngineException ee ? ee : new EngineException(String.valueOf(e.getCause()), e.getCause(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the language model", e, true);
        } finally {
            stream.close();
        }
    }
}
