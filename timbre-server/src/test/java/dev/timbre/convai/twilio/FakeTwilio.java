package dev.timbre.convai.twilio;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of Twilio's REST API on an ephemeral port: records every request (path, basic auth, form) and answers
 * {@code Calls.json} with a new call SID, then, as Twilio does once the callee answers, opens the Media Stream the
 * call's {@code Twiml} names and sends {@code connected}/{@code start} with its parameters ({@link #answered}).
 * Call updates ({@code Calls/{sid}.json}) succeed. {@link #refuseWith} makes the next requests fail as Twilio does.
 */
final class FakeTwilio implements AutoCloseable {
    record Request(String path, String authorization, Map<String, String> form) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<MediaStreamsClient> answered = new CompletableFuture<>();
    /** Whether a placed call is answered (its stream opened); false leaves it ringing. */
    volatile boolean answerCalls = true;
    /** What {@code GET Calls/{sid}.json} says of a call: Twilio's {@code status}. */
    volatile String callStatus = "in-progress";
    private volatile int refuseStatus;
    private volatile String refuseMessage;
    private final HttpServer server;

    FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = parse(body);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"), form));
            String answer;
            int status;
            if (exchange.getRequestMethod().equals("GET") && refuseStatus == 0) {
                status = 200;
                answer = "{\"sid\":\"" + path.replaceAll(".*/Calls/([^/.]+)\\.json$", "$1") + "\",\"status\":\"" + callStatus + "\"}";
            } else if (refuseStatus != 0) {
                status = refuseStatus;
                answer = "{\"code\":21211,\"message\":\"" + refuseMessage + "\",\"status\":" + status + "}";
            } else if (path.endsWith("/Calls.json")) {
                String sid = "CA" + Long.toHexString(System.nanoTime()) + "0000000000000000";
                status = 201;
                answer = "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}";
                CompletableFuture<MediaStreamsClient> future = answered;
                if (answerCalls) {
                Thread t = new Thread(() -> answer(form.get("Twiml"), sid, future));
                t.setDaemon(true);
                t.start();
                }
            } else {
                status = 200;
                answer = "{\"sid\":\"updated\"}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void refuseWith(int status, String message) {
        refuseStatus = status;
        refuseMessage = message;
    }

    /** Requests whose path ends with {@code suffix}. */
    List<Request> to(String suffix) {
        return requests.stream().filter(r -> r.path().endsWith(suffix)).toList();
    }

    private static void answer(String twiml, String callSid, CompletableFuture<MediaStreamsClient> future) {
        try {
            Matcher url = Pattern.compile("<Stream url=\"([^\"]+)\"").matcher(twiml);
            if (!url.find()) throw new IllegalStateException("no <Stream> in " + twiml);
            Map<String, String> params = new LinkedHashMap<>();
            Matcher p = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"/>").matcher(twiml);
            while (p.find()) params.put(unescape(p.group(1)), unescape(p.group(2)));
            future.complete(MediaStreamsClient.connect(unescape(url.group(1))).start("ACfake", callSid, params));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static Map<String, String> parse(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
