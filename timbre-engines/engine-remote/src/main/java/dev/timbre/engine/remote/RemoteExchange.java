package dev.timbre.engine.remote;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.OutboundTrace;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/** One blocking request to a remote engine server; a failure to get an answer is a retryable {@link EngineException}. */
final class RemoteExchange {
    private RemoteExchange() {}

    /**
     * Sends {@code request} on the caller's thread and returns whatever status came back (the caller judges it).
     *
     * @param server how messages name the server, e.g. {@code "embeddings server http://…"}
     */
    static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body, String server) {
        OutboundTrace.Call call = OutboundTrace.start(request); // a client span carrying traceparent, when tracing is on
        try {
            HttpResponse<T> response = http.send(OutboundTrace.withHeaders(request, call), body);
            call.finished(response.statusCode(), null);
            return response;
        } catch (HttpTimeoutException e) {
            call.finished(-1, e);
            throw new EngineException(server + " did not answer in time (" + e.getMessage() + "; request timeout "
                    + request.timeout().map(t -> t.toSeconds() + " s").orElse("none") + ")", e, true);
        } catch (IOException e) {
            call.finished(-1, e);
            throw new EngineException(server + " could not be reached: " + e, e, true);
        } catch (InterruptedException e) {
            call.finished(-1, e);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for " + server, e, true);
        } catch (RuntimeException e) {
            call.finished(-1, e);
            throw e;
        }
    }
}
