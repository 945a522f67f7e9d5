package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio's REST API, the two calls Timbre needs: create a call and update a live one. The base URL is the operator's
 * ({@code TIMBRE_TWILIO_API_URL}: Twilio, a Twilio-compatible provider, a test's fake), so it is reached directly, not
 * through the user-URL policy. Each request waits at most {@link #TIMEOUT}. Thread-safe.
 */
final class TwilioApi {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 64 * 1024;

    /** The account a number's calls are made with (its {@code sid} and {@code token} secrets). */
    record Account(String sid, String token) {}

    /** Twilio answered with an error, or could not be reached; the message is safe to show. */
    static final class Refused extends Exception {
        Refused(String message) { super(message); }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    TwilioApi(String base) {
        this.base = base;
    }

    /** {@code POST /2010-04-01/Accounts/{sid}/Calls.json}; the new call's SID. */
    String createCall(Account a, Map<String, String> form) throws Refused {
        JsonNode r = post(a, "/2010-04-01/Accounts/" + enc(a.sid()) + "/Calls.json", form);
        String sid = r.path("sid").asText("");
        if (sid.isEmpty()) throw new Refused("Twilio accepted the call but returned no call SID");
        return sid;
    }

    /** {@code POST /2010-04-01/Accounts/{sid}/Calls/{callSid}.json} ({@code Twiml}, {@code Status=completed}). */
    void updateCall(Account a, String callSid, Map<String, String> form) throws Refused {
        post(a, "/2010-04-01/Accounts/" + enc(a.sid()) + "/Calls/" + enc(callSid) + ".json", form);
    }

    /**
     * {@code GET /2010-04-01/Accounts/{sid}/Calls/{callSid}.json}: the call's {@code status} ({@code queued},
     * {@code ringing}, {@code in-progress}, {@code completed}, {@code busy}, {@code no-answer}, {@code failed},
     * {@code canceled}).
     */
    String callStatus(Account a, String callSid) throws Refused {
        return send(a, "/2010-04-01/Accounts/" + enc(a.sid()) + "/Calls/" + enc(callSid) + ".json", null).path("status").asText("");
    }

    private JsonNode post(Account a, String path, Map<String, String> form) throws Refused {
        return send(a, path, form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    }

    /** A POST of the form {@code body}, or a GET when it is null. */
    private JsonNode send(Account a, String path, String body) throws Refused {
        String basic = Base64.getEncoder().encodeToString((a.sid() + ":" + a.token()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + basic).header("Accept", "application/json");
            request = body == null ? b.GET().build()
                    : b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            throw new Refused("The Twilio API URL is not valid: " + base);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused("Twilio could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Interrupted while calling Twilio");
        }
        byte[] raw = response.body();
        JsonNode json;
        try {
            json = raw.length == 0 || raw.length > MAX_BODY ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(raw);
        } catch (IOException e) {
            json = Json.MAPPER.createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            String message = json.path("message").asText("");
            throw new Refused("Twilio refused the request (HTTP " + response.statusCode() + (message.isEmpty() ? ")" : "): " + message));
        }
        return json;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
