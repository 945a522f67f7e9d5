package dev.timbre.speechtotext;

import dev.timbre.http.ApiException;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches {@code cloud_storage_url}/{@code source_url} media (speech to text, dubbing) through {@link OutboundHttp} (public addresses or the
 * operator's allow list, redirects re-checked): http/https only, a size limit and a time limit. Every failure to
 * fetch is one 400 {@code cloud_storage_url_unreadable} with the same message (no network oracle). Thread-safe.
 */
public final class CloudAudio {
    private final OutboundHttp http;
    private final long maxBytes;
    private final Duration timeout;

    public CloudAudio(OutboundHttp http, long maxBytes, Duration timeout) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    byte[] fetch(String url) {
        return fetch(url, "cloud_storage_url");
    }

    /** The body at {@code url}; errors name the form field {@code field}. */
    public byte[] fetch(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + " is not a valid URL", "url_parsing", "body", field);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ApiException.invalid(field + " must be an http or https URL", "url_scheme", "body", field);
        }
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(OutboundRequest.get(uri, timeout), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        } catch (OutboundException e) {
            throw unreadable(field);
        }
        if (r.status() / 100 != 2) throw unreadable(field);
        if (r.truncated()) throw ApiException.tooLarge("The file at " + field + " exceeds the limit of " + maxBytes + " bytes");
        return r.body();
    }

    private static ApiException unreadable(String field) {
        return ApiException.badRequest(field + "_unreadable", "Could not fetch " + field + ": " + OutboundException.MESSAGE + ".");
    }
}
