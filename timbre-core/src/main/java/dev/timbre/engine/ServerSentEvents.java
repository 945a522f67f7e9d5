package dev.timbre.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A reader of {@code text/event-stream} bodies (the subset LLM providers use: {@code event:} and {@code data:}). */
public final class ServerSentEvents {
    private ServerSentEvents() {}

    /** One event; {@code event} is null when the server named none. */
    public record Event(String event, String data) {}

    /** Receives events; returns false to stop reading. */
    @FunctionalInterface
    public interface Handler {
        boolean onEvent(Event event) throws Exception;
    }

    /** Reads until the end of the stream or until the handler returns false. Data lines of one event are joined by newlines. */
    public static void read(InputStream in, Handler handler) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null && !handler.onEvent(new Event(event, data.toString()))) return;
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            if (field.equals("event")) event = value;
            else if (field.equals("data")) {
                if (data == null) data = new StringBuilder(value);
                else data.append('\n').append(value);
            }
        }
        if (data != null) handler.onEvent(new Event(event, data.toString()));
    }

    /** Closes quietly. */
    public static void closeQuietly(InputStream in) {
        if (in == null) return;
        try { in.close(); } catch (IOException ignored) { }
    }
}
