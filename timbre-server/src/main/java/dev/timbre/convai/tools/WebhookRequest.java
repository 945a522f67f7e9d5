package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One webhook call, built from a tool's {@code api_schema}, the LLM's arguments and the dynamic variables.
 * Arguments may be flat ({@code {"city": "Paris"}}) or grouped ({@code {"path_params": {…}, "query_params": {…},
 * "request_body": {…}}}, also {@code "body"}).
 *
 * @param url the URL without the query string (as transcripts show it)
 * @param uri what is requested, query included
 * @param headers what is sent; {@code shownHeaders} has secret values masked
 * @param body the request body; null for none
 */
record WebhookRequest(String method, String url, URI uri, Map<String, String> headers, Map<String, String> shownHeaders,
                      Map<String, String> pathParams, Map<String, String> queryParams, String body, String contentType) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_\\-]+)}");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    /** @throws IllegalArgumentException with a message for the LLM: missing required parameters, a bad URL, a missing secret */
    static WebhookRequest build(JsonNode apiSchema, JsonNode args, Map<String, Object> variables, Function<String, String> secretValue) {
        String method = apiSchema.path("method").asText("GET").strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) throw new IllegalArgumentException("the tool's method must be one of " + METHODS + ", got '" + method + "'");
        List<String> missing = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        JsonNode pathArgs = group(args, "path_params");
        for (Iterator<Map.Entry<String, JsonNode>> it = apiSchema.path("path_params_schema").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = WebhookParameters.literal(e.getValue(), pathArgs.path(e.getKey()), variables);
            if (v == null) missing.add(e.getKey());
            else path.put(e.getKey(), WebhookParameters.text(v));
        }
        JsonNode querySchema = apiSchema.path("query_params_schema");
        ObjectNode query = querySchema.isObject()
                ? WebhookParameters.object(querySchema, group(args, "query_params"), variables, "", missing) : null;
        JsonNode bodySchema = apiSchema.path("request_body_schema");
        JsonNode bodyArgs = args.path("request_body").isObject() ? args.path("request_body") : group(args, "body");
        ObjectNode body = bodySchema.isObject() && !method.equals("GET")
                ? WebhookParameters.object(bodySchema, bodyArgs, variables, "", missing) : null;
        String url = WebhookUrl.fill(apiSchema.path("url").asText("").strip(), variables);
        Matcher m = PLACEHOLDER.matcher(url);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = path.get(m.group(1));
            if (value == null && pathArgs.path(m.group(1)).isValueNode()) {
                value = pathArgs.path(m.group(1)).asText();
                path.put(m.group(1), value);
            }
            if (value == null) {
                if (!missing.contains(m.group(1))) missing.add(m.group(1));
                value = m.group();
            } else {
                value = encode(value).replace("+", "%20");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        if (!missing.isEmpty()) throw new IllegalArgumentException("missing required parameters: " + String.join(", ", missing));

        Map<String, String> queryParams = new LinkedHashMap<>();
        if (query != null) query.fields().forEachRemaining(e -> queryParams.put(e.getKey(), WebhookParameters.text(e.getValue())));
        URI uri = uri(filled.toString(), queryParams);
        String contentType = apiSchema.path("content_type").asText(JSON).isBlank() ? JSON : apiSchema.path("content_type").asText(JSON);
        String text = body == null ? null : contentType.startsWith(FORM) ? form(body) : body.toString();
        RequestHeaders headers = RequestHeaders.resolve(apiSchema.path("request_headers"), secretValue, variables);
        return new WebhookRequest(method, filled.toString(), uri, headers.values(), headers.shown(), path, queryParams, text,
                text == null ? null : contentType);
    }

    /** The seed's {@code ConversationHistoryTranscriptToolCallWebhookDetails}, secret header values masked. */
    Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "webhook");
        d.put("method", method);
        d.put("url", url);
        d.put("headers", shownHeaders);
        d.put("path_params", pathParams);
        d.put("query_params", queryParams);
        d.put("body", body);
        return d;
    }

    private static JsonNode group(JsonNode args, String name) {
        return args.path(name).isObject() ? args.path(name) : args;
    }

    private static URI uri(String url, Map<String, String> query) {
        StringBuilder b = new StringBuilder(url);
        String sep = url.contains("?") ? "&" : "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        URI uri;
        try {
            uri = URI.create(b.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the tool's URL is not valid: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("the tool's URL must be an http:// or https:// URL, got '" + url + "'");
        }
        return uri;
    }

    private static String form(ObjectNode body) {
        StringBuilder b = new StringBuilder();
        body.fields().forEachRemaining(e -> {
            if (b.length() > 0) b.append('&');
            b.append(encode(e.getKey())).append('=').append(encode(WebhookParameters.text(e.getValue())));
        });
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
