package dev.timbre.speechtotext;

import dev.timbre.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches {@code cloud_storage_url} audio: http/https only, a size limit and a time limit. */
final class CloudAudio {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final long maxBytes;
    private final Duration timeout;

    CloudAudio(long maxBytes, Duration timeout) {
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
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    throw ApiException.badRequest("cloud_storage_url_unreadable", "Fetching cloud_storage_url answered HTTP " + r.statusCode() + ".");
                }
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (data.length > maxBytes) throw ApiException.tooLarge("The file at cloud_storage_url exceeds the limit of " + maxBytes + " bytes");
                return data;
            }
        } catch (IOException e) {
            throw ApiException.badRequest("cloud_storage_url_unreadable", "Could not fetch cloud_storage_url: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "service_unavailable", "Interrupted while fetching cloud_storage_url.");
        }
    }
}
