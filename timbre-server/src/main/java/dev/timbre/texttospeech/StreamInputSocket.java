package dev.timbre.texttospeech;

import dev.timbre.http.ApiException;
import dev.timbre.access.Caller;
import dev.timbre.access.Permission;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.SpeechErrors;
import dev.timbre.sockets.InactivityClock;
import dev.timbre.sockets.SocketSender;
import dev.timbre.sockets.SocketWorker;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One stream-input connection. {@link #receive} runs on the socket's receiving thread: it parses a message, updates
 * the context buffers and queues work; a worker thread of its own generates the queued pieces one after another and
 * sends their audio, so messages go out in the order the work was queued. Any failure sends an error message and
 * closes the socket; {@link #end} (client gone, inactivity) cancels what is running.
 */
final class StreamInputSocket {
    /** The context of the single socket, and of multi-context messages without a context id. */
    static final String DEFAULT_CONTEXT = "default";

    private final TextToSpeechService service;
    private final ApiKeyAuth auth;
    private final String voiceId;
    private final StreamInputOptions options;
    private final boolean multi;
    private final SocketSender out;
    private final InactivityClock inactivity;
    private final SocketWorker worker;
    private final Map<String, StreamInputContext> contexts = new LinkedHashMap<>();
    private volatile Caller caller; // null until a key is checked; then who is charged

    StreamInputSocket(TextToSpeechService service, ApiKeyAuth auth, String voiceId, StreamInputOptions options, boolean multi,
                      Caller caller, SocketSender out, ScheduledExecutorService timers) {
        this.service = service;
        this.auth = auth;
        this.voiceId = voiceId;
        this.options = options;
        this.multi = multi;
        this.caller = caller;
        this.out = out;
        this.inactivity = new InactivityClock(timers, options.inactivityTimeoutSeconds(), () -> fail(ApiException.badRequest(
                "input_timeout_exceeded", "No message received within the inactivity_timeout of " + options.inactivityTimeoutSeconds() + " seconds.")));
        this.worker = new SocketWorker("tts-stream-input", inactivity, () -> !out.isClosed(), this::failed);
        inactivity.restart();
    }

    void receive(String frame) {
        if (out.isClosed()) return;
        try {
            inactivity.restart();
            StreamInputMessage m = StreamInputMessage.parse(frame);
            authorize(m);
            if (multi && StreamInputMessage.isSet(m.closeSocket())) {
                for (StreamInputContext c : List.copyOf(contexts.values())) finish(c, c.all());
                contexts.clear();
                queue(() -> out.close(SocketSender.NORMAL, "close_socket"));
                return;
            }
            String id = multi && m.contextId() != null && !m.contextId().isBlank() ? m.contextId() : DEFAULT_CONTEXT;
            StreamInputContext c = contexts.computeIfAbsent(id, k -> new StreamInputContext(k, m.voiceSettings(), m.schedule(), m.pronunciationDictionaryLocators()));
            if (multi && StreamInputMessage.isSet(m.closeContext())) {
                c.discard();
                contexts.remove(id);
                finish(c, List.of());
            } else if ("".equals(m.text()) && !multi) {
                finish(c, c.all());
                queue(() -> out.close(SocketSender.NORMAL, "end of stream"));
            } else {
                c.add(m.text());
                if (StreamInputMessage.isSet(m.flush())) {
                    if (multi) finish(c, c.all());
                    else generate(c, c.all());
                } else if (StreamInputMessage.isSet(m.tryTriggerGeneration())) {
                    generate(c, c.all());
                } else {
                    generate(c, options.autoMode() ? c.sentences() : c.scheduled());
                }
            }
        } catch (ApiException e) {
            fail(e);
        }
    }

    /** The client went away or the socket timed out: stop the work in progress and drop the rest. */
    void end() {
        inactivity.stop();
        worker.stop();
    }

    /** Checks the key of the first message when the connection carried none. */
    private void authorize(StreamInputMessage m) {
        if (caller != null) return;
        String key = m.key();
        if (key == null) {
            throw ApiException.unauthorized("needs_authorization",
                    "Neither authorization header nor xi-api-key received, please provide one.");
        }
        caller = auth.authorize(key, Permission.TEXT_TO_SPEECH);
    }

    private void generate(StreamInputContext c, List<String> pieces) {
        for (String text : pieces) queue(() -> synthesise(c, text));
    }

    /** Generates {@code pieces}, then tells the client the context (or the single stream) is complete. */
    private void finish(StreamInputContext c, List<String> pieces) {
        generate(c, pieces);
        String contextId = multi ? c.id : null;
        queue(() -> out.send(StreamInputReplies.finished(contextId)));
    }

    /**
     * One generation. A chunk without audio (the encoder's empty tail) is folded into the chunk before it, so every
     * message carries audio: each chunk waits for the next one, or for the end.
     */
    private void synthesise(StreamInputContext c, String text) throws IOException, InterruptedException {
        TextToSpeechService.Prepared p = service.prepare(voiceId, options.request(text, c.voiceSettings, c.locators));
        String contextId = multi ? c.id : null;
        try (TextToSpeechService.Generation g = service.stream(caller, p, options.format(), options.logging())) {
            SpeechChunk held = null;
            for (SpeechChunk chunk; (chunk = g.next()) != null; ) {
                if (held != null && chunk.audio().length == 0) {
                    held = held.plus(chunk);
                } else {
                    if (held != null) out.send(StreamInputReplies.audio(held, options.syncAlignment(), contextId));
                    held = chunk;
                }
            }
            if (held != null && held.audio().length > 0) out.send(StreamInputReplies.audio(held, options.syncAlignment(), contextId));
        }
    }

    private void queue(SocketWorker.Work work) {
        worker.queue(work);
    }

    private void failed(Exception e) {
        if (e instanceof SocketWorker.Overflow flood) fail(ApiException.busy("queue_overflow", flood.getMessage(), 1));
        else if (e instanceof ApiException api) fail(api);
        else if (e instanceof SpeechException speech) fail(SpeechErrors.of(speech));
        else if (!out.isClosed()) fail(new ApiException(500, "internal_error", "The generation failed."));
    }

    private void fail(ApiException e) {
        StreamInputReplies.fail(out, e);
        end();
    }
}
