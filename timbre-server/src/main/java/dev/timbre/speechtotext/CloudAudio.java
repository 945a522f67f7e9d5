package dev.timbre.speechtotext;

import dev.timbre.http.ApiException;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches {@code cloud_storage_url}/{@code source_url} audio through {@link OutboundHttp} (public addresses or the
 * operator's allow list, redirects re-checked): http/https only, a size limit and a time limit. Every failure to
 * fetch is one 400 {@code cloud_storage_url_unreadable} with the same message (no network oracle). Thread-safe.
 */
final class CloudAudio {
    private final OutboundHttp http;
    private final long maxBytes;
    private final Duration timeout;

    CloudAudio(OutboundHttp http, long maxBytes, Duration timeout) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    byte[] fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cloud_storage_url is not a valid URL", "url_parsing", "body", "cloud_storage_url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ApiException.invalid("cloud_storage_url must be an http or https URL", "url_scheme", "body", "cloud_storage_url");
        }
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(OutboundRequest.get(uri, timeout), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
        } catch (OutboundException e) {
            throw unreadable();
        }
        if (r.status() / 100 != 2) throw unreadable();
        if (r.truncated()) throw ApiException.tooLarge("The file at cloud_storage_url exceeds the limit of " + maxBytes + " bytes");
        return r.body();
    }

    private static ApiException unreadable() {
        return ApiException.badRequest("cloud_storage_url_unreadable", "Could not fetch cloud_storage_url: " + OutboundException.MESSAGE + ".");
    }
}
