package dev.timbre.convai.knowledgebase;

import dev.timbre.convai.knowledgebase.extract.DocumentFiles;
import dev.timbre.convai.knowledgebase.extract.Extracted;
import dev.timbre.convai.knowledgebase.extract.ExtractionException;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.http.ApiException;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches a URL document's page through the outbound policy ({@link OutboundHttp}: public addresses plus the operator's
 * allow list, redirects re-checked) within {@code timeout} and {@code maxBytes}, and extracts its text. A literal
 * internal address is refused up front with that reason; every other failure (refused, unreachable, timeout, non-2xx,
 * over the size, not HTML or text) is a 400. Thread-safe; blocking.
 */
public final class UrlPages {
    private final OutboundHttp http;
    private final Duration timeout;
    private final int maxBytes;

    public UrlPages(OutboundHttp http, Duration timeout, int maxBytes) {
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public Extracted fetch(String url, ExtractionLimits limits) {
        URI uri = parse(url);
        refuseInternalLiteral(uri);
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(OutboundRequest.get(uri, timeout), maxBytes);
        } catch (OutboundException e) {
            throw unreachable(OutboundException.MESSAGE);
        }
        if (r.status() / 100 != 2) throw unreachable("the server answered HTTP " + r.status());
        if (r.truncated()) throw ApiException.tooLarge("The page at the URL exceeds the limit of " + maxBytes + " bytes");
        boolean html = looksLikeHtml(r.body());
        try {
            return DocumentFiles.page(r.body(), html, limits);
        } catch (ExtractionException e) {
            if (e.kind() == ExtractionException.Kind.UNREADABLE) throw unreachable("the page is not HTML or text");
            throw KnowledgeBaseService.refused(e);
        }
    }

    /** The longest URL a document keeps ({@code knowledge_base_documents.url}). */
    static final int MAX_URL_CHARS = 4096;

    private static URI parse(String url) {
        if (url.strip().length() > MAX_URL_CHARS) {
            throw ApiException.invalid("String should have at most " + MAX_URL_CHARS + " characters", "string_too_long", "body", "url");
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
        } catch (IllegalArgumentException e) {
            // falls through to the 422
        }
        throw ApiException.invalid("Input should be a valid http or https URL", "url_parsing", "body", "url");
    }

    /** An IP literal the policy refuses: say so (hostnames get the generic message, so DNS cannot be probed). */
    private void refuseInternalLiteral(URI uri) {
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        boolean localhost = host.equalsIgnoreCase("localhost");
        if (!localhost && !host.matches("[0-9.]+|[0-9a-fA-F]*:[0-9a-fA-F:.]*")) return;
        try {
            InetAddress address = localhost ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            if (!http.policy().permits(uri.getHost(), address, port)) {
                throw ApiException.badRequest("url_not_allowed", "The URL points to an internal address (" + host
                        + ") that this server does not fetch; an operator can allow it with TIMBRE_OUTBOUND_ALLOW.");
            }
        } catch (java.net.UnknownHostException e) {
            throw unreachable(OutboundException.MESSAGE);
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 2048), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p")
                || head.contains("<div") || head.contains("<head");
    }

    private static ApiException unreachable(String why) {
        return ApiException.badRequest("url_unreadable", "Could not read the URL: " + why + ".");
    }
}
