package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.sockets.SocketSender;
import java.util.Base64;

/**
 * One Media Streams socket, as Twilio speaks it: {@code connected}, then {@code start} (which
 * {@link TwilioService#startStream} turns into a line running the agent), {@code media} (base64 μ-law of the inbound
 * track), {@code mark} (echoes of ours), {@code dtmf}, {@code stop}. Messages that are not JSON, of unknown events,
 * or before {@code start} are ignored. Called from the socket's receive thread only.
 */
final class MediaStreamSession {
    private final SocketSender out;
    private final TwilioService service;
    private TwilioMediaStream line;
    private volatile boolean started;

    MediaStreamSession(SocketSender out, TwilioService service) {
        this.out = out;
        this.service = service;
    }

    void receive(String text) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return;
        }
        if (m == null || !m.isObject()) return;
        switch (m.path("event").asText("")) {
            case "start" -> {
                if (started) return;
                started = true;
                line = service.startStream(m.path("start"), m.path("streamSid").asText(m.path("start").path("streamSid").asText("")), out);
            }
            case "media" -> {
                if (line == null) return;
                JsonNode media = m.path("media");
                String track = media.path("track").asText("inbound");
                if (!track.equals("inbound") && !track.equals("inbound_track")) return;
                try {
                    line.media(Base64.getDecoder().decode(media.path("payload").asText("")));
                } catch (IllegalArgumentException e) {
                    // a frame that is not base64: dropped, as a lost packet
                }
            }
            case "mark" -> { if (line != null) line.mark(m.path("mark").path("name").asText(null)); }
            case "dtmf" -> {
                String d = m.path("dtmf").path("digit").asText("");
                if (line != null && d.length() == 1 && "0123456789*#ABCDabcd".indexOf(d.charAt(0)) >= 0) line.digit(Character.toUpperCase(d.charAt(0)));
            }
            case "stop" -> {
                if (line != null) line.end("the caller hung up");
                else out.close(SocketSender.NORMAL, "stopped");
            }
            default -> { }
        }
    }

    /** Whether {@code start} came (read from any thread). */
    boolean started() { return started; }

    /** The socket closed (either side) or failed. */
    void closed() {
        if (line != null) line.end("the media stream closed");
    }
}
