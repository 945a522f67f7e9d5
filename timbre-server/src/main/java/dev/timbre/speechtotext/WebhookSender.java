package dev.timbre.speechtotext;

import dev.timbre.config.TimbreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers a JSON body to a webhook, signed as ElevenLabs signs: {@code ElevenLabs-Signature: t=<unix seconds>,v0=<hex
 * HMAC-SHA256 of "t.body" keyed with the secret>}. Retries a failed delivery a few times with growing pauses.
 */
final class WebhookSender {
    static final String HEADER = "ElevenLabs-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private final int attempts;
    private final Duration firstPause;

    WebhookSender(Clock clock, int attempts, Duration firstPause) {
        this.clock = clock;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v0=" + HexFormat.of().formatHex(h);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns null when delivered, else the last failure. */
    String deliver(TimbreConfig.Webhook hook, String body) throws InterruptedException {
        String failure = null;
        Duration pause = firstPause;
        for (int i = 0; i < attempts; i++) {
            if (i > 0) {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
            try {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (hook.secret() != null && !hook.secret().isEmpty()) {
                    req.header(HEADER, signature(hook.secret(), clock.instant().getEpochSecond(), body));
                }
                int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) return null;
                failure = "webhook answered HTTP " + status;
            } catch (java.io.IOException | IllegalArgumentException e) {
                failure = "webhook delivery failed: " + e;
            }
        }
        return failure;
    }
}
