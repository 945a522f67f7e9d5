package dev.timbre.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A LibreTranslate-style HTTP service (LibreTranslate, or anything with its API): {@code POST {url}/translate} with
 * {@code {"q": [...], "source", "target", "format": "text", "api_key"}} answers {@code {"translatedText": [...]}};
 * {@code GET {url}/languages} lists the pairs (each language's {@code targets}), read once at start-up — a service
 * that does not answer it is asked for any pair. The URL is the operator's ({@code TIMBRE_TRANSLATION_URL}), reached
 * directly. Connect timeout 10 s, each answer 120 s. Thread-safe.
 */
public final class HttpTranslator implements Translator {
    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<LanguagePair> pairs;

    public HttpTranslator(URI base, String apiKey) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.apiKey = apiKey;
        this.pairs = listedPairs();
    }

    @Override
    public String name() { return "libretranslate"; }

    @Override
    public Set<LanguagePair> pairs() { return pairs; }

    @Override
    public List<String> translate(List<String> segments, LanguagePair pair) throws Failed {
        if (segments.isEmpty()) return List.of();
        ObjectNode body = Json.MAPPER.createObjectNode().put("source", pair.source()).put("target", pair.target()).put("format", "text");
        segments.forEach(body.putArray("q")::add);
        if (apiKey != null) body.put("api_key", apiKey);
        JsonNode answer;
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/translate"))
                    .timeout(Duration.ofSeconds(120)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new Failed("the translation service answered " + r.statusCode());
            answer = Json.MAPPER.readTree(r.body()).path("translatedText");
        } catch (IOException e) {
            throw new Failed("the translation service could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting for the translation service", e);
        }
        if (!answer.isArray() || answer.size() != segments.size()) {
            throw new Failed("the translation service answered " + (answer.isArray() ? answer.size() + " texts" : "no list") + " for " + segments.size() + " segments");
        }
        List<String> out = new ArrayList<>(segments.size());
        answer.forEach(t -> out.add(t.asText("")));
        return out;
    }

    private Set<LanguagePair> listedPairs() {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/languages")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode languages = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
            if (languages == null || !languages.isArray() || languages.isEmpty()) return LanguagePair.ANY;
            Set<LanguagePair> out = new TreeSet<>();
            for (JsonNode l : languages) {
                for (JsonNode t : l.path("targets")) {
                    if (!l.path("code").asText().equals(t.asText())) out.add(new LanguagePair(l.path("code").asText(), t.asText()));
                }
            }
            return out.isEmpty() ? LanguagePair.ANY : Set.copyOf(out);
        } catch (IOException | RuntimeException e) {
            return LanguagePair.ANY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LanguagePair.ANY;
        }
    }

    @Override
    public String toString() { return base.toString(); }
}
