package dev.timbre.outbound;

import dev.timbre.common.WorkerPools;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to user-supplied URLs under the {@link OutboundPolicy}: http/https only; each host is resolved once and only
 * addresses the policy permits are connected to ({@link PolicyDnsResolver}); redirects are never followed by the
 * client: this class follows at most {@value #MAX_REDIRECTS} (301/302/303 become GET without a body, 307/308 keep
 * method and body, headers are dropped when the origin changes), each hop checked like the first. Connect timeout
 * {@value #CONNECT_SECONDS} s; the request's timeout bounds all hops together (and the body for {@link #fetch}).
 * Every failure is one {@link OutboundException}; the detail goes to this class's log. Traced as one client span per
 * request (redirects included) whose {@code traceparent} every hop carries, when tracing is on.
 *
 * <p>Thread-safe; blocking (the caller's thread does the I/O). {@code Timbre} owns it and closes it at shutdown.
 */
public final class OutboundHttp implements AutoCloseable {
    static final int MAX_REDIRECTS = 5;
    static final int CONNECT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OutboundHttp.class);

    private final OutboundPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("outbound-deadline"));

    public OutboundHttp(OutboundPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyDnsResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(CONNECT_SECONDS)).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(8).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().disableContentCompression().build();
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /** A whole answer: at most {@code maxBytes} of its body; {@code truncated} when there was more. */
    public record Fetched(int status, byte[] body, boolean truncated) {}

    /** Sends {@code request} and reads at most {@code maxBytes} of the answer, all within the request's timeout. */
    public Fetched fetch(OutboundRequest request, int maxBytes) throws OutboundException {
        Exchange exchange = send(request);
        try (exchange) {
            byte[] data = exchange.response.body().readNBytes(maxBytes + 1);
            boolean truncated = data.length > maxBytes;
            return new Fetched(exchange.response.status(), truncated ? java.util.Arrays.copyOf(data, maxBytes) : data, truncated);
        } catch (IOException e) {
            throw failed(request, e);
        }
    }

    /**
     * Sends {@code request} and returns once the response headers arrived (within the request's timeout); the body is
     * then read without that bound. The caller closes the response.
     */
    public OutboundResponse open(OutboundRequest request) throws OutboundException {
        Exchange exchange = send(request);
        exchange.deadline.cancel(false);
        return exchange.response;
    }

    private record Exchange(OutboundResponse response, ScheduledFuture<?> deadline) implements AutoCloseable {
        @Override
        public void close() {
            deadline.cancel(false);
            response.close();
        }
    }

    /** One client span (until the response headers) around all hops; each hop carries its {@code traceparent}. */
    private Exchange send(OutboundRequest first) throws OutboundException {
        Span span = Tracing.enabled() ? Tracing.tracer().spanBuilder(first.method()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", first.method())
                .setAttribute("server.address", String.valueOf(first.uri().getHost())).startSpan() : Span.getInvalid();
        try (Scope ignored = span.makeCurrent()) {
            Exchange exchange = sendHops(first);
            span.setAttribute("http.response.status_code", (long) exchange.response.status());
            return exchange;
        } catch (OutboundException | RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Exchange sendHops(OutboundRequest first) throws OutboundException {
        long deadlineNanos = System.nanoTime() + first.timeout().toNanos();
        OutboundRequest request = first;
        for (int hop = 0; ; hop++) {
            check(first, request.uri());
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) throw failed(first, new IOException("timed out after " + first.timeout()));
            HttpUriRequestBase http = httpRequest(request, left, first.timeout().toMillis());
            ScheduledFuture<?> deadline = deadlines.schedule(http::cancel, left, TimeUnit.NANOSECONDS);
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, http, null);
            } catch (IOException | RuntimeException e) {
                deadline.cancel(false);
                throw failed(first, http.isCancelled() ? new IOException("timed out after " + first.timeout(), e) : e);
            }
            int status = response.getCode();
            Header location = response.getFirstHeader("Location");
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                deadline.cancel(false);
                closeQuietly(response);
                if (location == null) throw failed(first, new IOException("redirect " + status + " without Location from " + request.uri()));
                if (hop >= MAX_REDIRECTS) throw failed(first, new IOException("more than " + MAX_REDIRECTS + " redirects"));
                URI next;
                try {
                    next = request.uri().resolve(location.getValue().strip());
                } catch (IllegalArgumentException e) {
                    throw failed(first, new IOException("redirect to an invalid URL: " + location.getValue()));
                }
                boolean keep = status == 307 || status == 308;
                request = request.redirected(next, keep, sameOrigin(request.uri(), next));
                continue;
            }
            return new Exchange(new OutboundResponse(status, headers(response), body(http, response)), deadline);
        }
    }

    /** Refuses anything but http/https URLs with a host (the address itself is checked when connecting). */
    private void check(OutboundRequest first, URI uri) throws OutboundException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw failed(first, new IOException("not an http(s) URL with a host: " + uri));
        }
    }

    /** @param leftNanos time left for the pool wait; {@code readMillis} bounds each wait for data (socket timeout) */
    private static HttpUriRequestBase httpRequest(OutboundRequest r, long leftNanos, long readMillis) {
        HttpUriRequestBase http = new HttpUriRequestBase(r.method(), r.uri());
        http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, readMillis)))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos)))).build());
        r.headers().forEach(http::addHeader);
        Tracing.inject(io.opentelemetry.context.Context.current(), http::setHeader);
        if (r.body() != null) {
            http.setEntity(new ByteArrayEntity(r.body(), r.contentType() == null ? null : ContentType.parse(r.contentType())));
        }
        return http;
    }

    private static Map<String, String> headers(ClassicHttpResponse response) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) out.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        return out;
    }

    /** The body stream; closing it aborts the exchange first, so an unread rest is dropped, never drained. */
    private static InputStream body(HttpUriRequestBase http, ClassicHttpResponse response) throws OutboundException {
        HttpEntity entity = response.getEntity();
        InputStream in;
        try {
            in = entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            closeQuietly(response);
            throw failed(null, e);
        }
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                http.cancel();
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static OutboundException failed(OutboundRequest request, Exception cause) {
        LOG.info("outbound request {} {} failed: {}", request == null ? "" : request.method(),
                request == null ? "" : request.uri(), cause.toString());
        return new OutboundException();
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // discarded
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the outbound client failed", e);
        }
    }
}
