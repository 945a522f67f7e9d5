package dev.timbre.engine;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;

/**
 * A hook through which engines' own HTTP calls (LLM providers, remote speech/embedding servers over the JDK client)
 * are traced without depending on a tracing library: the server installs a {@link Hook} when tracing is on; until
 * then {@link #start} returns a no-op call and requests go out unchanged. The hook opens a client span under whatever
 * trace is current on the calling thread and names the headers ({@code traceparent}) that carry it.
 *
 * <p>Thread-safe: the hook is a volatile static, one per process; calls are used by the thread that sent.
 */
public final class OutboundTrace {
    /** Opens one traced call; implementations are thread-safe. */
    @FunctionalInterface
    public interface Hook {
        Call start(String method, java.net.URI uri);

        /** {@code work} running under the calling thread's current trace wherever it runs. Default: as it is. */
        default Runnable carry(Runnable work) { return work; }
    }

    /** One outgoing call: the headers to add, then exactly one {@link #finished}. */
    public interface Call {
        Map<String, String> headers();

        /** @param status the HTTP status, or -1 when no answer came ({@code error} then says why) */
        void finished(int status, Throwable error);
    }

    private static final Call NONE = new Call() {
        @Override
        public Map<String, String> headers() { return Map.of(); }

        @Override
        public void finished(int status, Throwable error) {}
    };

    private static volatile Hook hook;

    private OutboundTrace() {}

    /** Installs {@code h} for this process (replacing any); {@link #uninstall} with the same hook removes it. */
    public static void install(Hook h) { hook = Objects.requireNonNull(h); }

    public static void uninstall(Hook h) { if (hook == h) hook = null; }

    /**
     * {@code work} carrying the calling thread's trace to the thread that runs it (an engine's stream thread), so that
     * the calls it makes there are children of the caller's span; {@code work} itself when no hook is installed.
     */
    public static Runnable carrying(Runnable work) {
        Hook h = hook;
        return h == null ? work : h.carry(work);
    }

    /** A traced call for {@code request}, or a no-op when no hook is installed. */
    public static Call start(HttpRequest request) {
        Hook h = hook;
        return h == null ? NONE : h.start(request.method(), request.uri());
    }

    /** {@code request} with the call's headers added (the same request when there are none). */
    public static HttpRequest withHeaders(HttpRequest request, Call call) {
        Map<String, String> headers = call.headers();
        if (headers.isEmpty()) return request;
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> !headers.containsKey(name.toLowerCase(java.util.Locale.ROOT)));
        headers.forEach(b::header);
        return b.build();
    }
}
