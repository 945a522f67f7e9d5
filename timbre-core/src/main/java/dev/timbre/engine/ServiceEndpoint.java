package dev.timbre.engine;

import java.net.URI;

/** Endpoint URLs of OpenAI-style HTTP services, from the base URL a user configures. */
public final class ServiceEndpoint {
    private ServiceEndpoint() {}

    /**
     * {@code baseUrl} with {@code path} (e.g. {@code /chat/completions}) under {@code /v1}: a base ending in
     * {@code /v1} gets only the path, one already ending in the path is kept, trailing slashes are dropped.
     *
     * @param what how the error names the service, e.g. {@code "language model"}
     * @throws IllegalArgumentException for a URL that is not http:// or https://
     */
    public static URI resolve(String baseUrl, String path, String what) {
        String u = baseUrl.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException(what + " URL must be http:// or https://, got '" + baseUrl + "'");
        }
        if (!u.endsWith(path)) u += u.endsWith("/v1") ? path : "/v1" + path;
        return URI.create(u);
    }
}
