package dev.timbre.sockets;

import dev.timbre.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The one way out of a socket: JSON messages in the order they are sent, from any thread (sends are serialised), and
 * one close. After the close, or once the client has gone, {@link #send} throws {@link IOException}, which cancels the
 * synthesis that was writing.
 */
public final class SocketSender {
    public static final int NORMAL = StatusCode.NORMAL, POLICY = StatusCode.POLICY_VIOLATION, SERVER_ERROR = StatusCode.SERVER_ERROR;

    private final Session session;
    private boolean closed;

    public SocketSender(Session session) {
        this.session = session;
    }

    public synchronized void send(Object message) throws IOException {
        if (closed || !session.isOpen()) throw new IOException("the socket is closed");
        session.getRemote().sendString(Json.write(message));
    }

    /** Closes once; later calls do nothing. */
    public synchronized void close(int code, String reason) {
        if (closed) return;
        closed = true;
        if (session.isOpen()) session.close(code, truncate(reason));
    }

    public synchronized boolean isClosed() {
        return closed || !session.isOpen();
    }

    /** A close reason is at most 123 bytes of UTF-8. */
    private static String truncate(String reason) {
        if (reason == null) return null;
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) r = r.substring(0, r.length() - 1);
        return r;
    }
}
