import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Twilio call to Timbre, for the turn benchmark, played as Twilio would: the signed voice webhook
 * ({@code POST /twilio/inbound_call}), then the Media Stream its TwiML names ({@code connected}, {@code start}, the
 * caller's 20 ms μ-law {@code media} frames on a drift-free schedule: the utterance, else silence, as Twilio streams
 * continuously; marks echoed); turns measured by {@link PhoneCaller}. One thread runs it; the socket's listener only
 * stamps frames.
 */
final class TwilioCall extends PhoneCaller implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder partial = new StringBuilder();
    private final String streamSid = "MZbench" + System.nanoTime();
    private final WebSocket ws;
    private int chunk;

    /** Calls {@code number} (imported with {@code authToken}, account {@code accountSid}) on the Timbre at {@code base}. */
    TwilioCall(HttpClient http, String base, String number, String accountSid, String authToken) throws Exception {
        String callSid = "CA" + Long.toHexString(System.nanoTime());
        Map<String, String> form = new TreeMap<>(Map.of("AccountSid", accountSid, "CallSid", callSid, "From", "+15557770000", "To", number));
        String url = base + "/twilio/inbound_call";
        StringBuilder signed = new StringBuilder(url), body = new StringBuilder();
        form.forEach((k, v) -> {
            signed.append(k).append(v);
            body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> twiml = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("<Stream url=\"([^\"]+)\"><Parameter name=\"timbre_token\" value=\"([^\"]+)\"/>").matcher(twiml.body());
        if (twiml.statusCode() != 200 || !m.find()) throw new IllegalStateException("voice webhook → " + twiml.statusCode() + " " + twiml.body());
        ws = http.newWebSocketBuilder().buildAsync(URI.create(m.group(1)), this).join();
        send(Map.of("event", "connected", "protocol", "Call", "version", "1.0.0"));
        send(Map.of("event", "start", "streamSid", streamSid, "start", Map.of("accountSid", accountSid, "streamSid", streamSid, "callSid", callSid,
                "tracks", List.of("inbound"), "customParameters", Map.of("timbre_token", m.group(2).replace("&amp;", "&")),
                "mediaFormat", Map.of("encoding", "audio/x-mulaw", "sampleRate", 8000, "channels", 1))));
        begin();
    }

    @Override
    protected void send(byte[] frame) {
        send(Map.of("event", "media", "streamSid", streamSid, "media", Map.of("track", "inbound", "chunk", String.valueOf(++chunk),
                "timestamp", String.valueOf(chunk * 20), "payload", Base64.getEncoder().encodeToString(frame))));
    }

    private synchronized void send(Object message) {
        try {
            ws.sendText(JSON.writeValueAsString(message), true).join();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        partial.append(data);
        if (last) {
            try {
                JsonNode m = JSON.readTree(partial.toString());
                if (m.path("event").asText().equals("media")) {
                    byte[] b = Base64.getDecoder().decode(m.path("media").path("payload").asText());
                    arrived(at, b, 0, b.length);
                } else if (m.path("event").asText().equals("mark")) {
                    String name = m.path("mark").path("name").asText();
                    java.util.concurrent.CompletableFuture.runAsync(() -> send(Map.of("event", "mark", "streamSid", streamSid, "mark", Map.of("name", name))));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        send(Map.of("event", "stop", "streamSid", streamSid, "stop", Map.of()));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
}
