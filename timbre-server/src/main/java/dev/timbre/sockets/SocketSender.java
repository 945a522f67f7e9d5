package dev.timbre.sockets;

import dev.timbre.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way out of a socket: JSON messages in the order they are sent, from any thread (sends are serialised), and
 * one close. After the close, or once the client has gone, {@link #send} throws {@link IOException}, which cancels the
 * synthesis that was writing.
 *
 * <p>Two kinds: the plain sender ({@link #SocketSender(Session)}) blocks in {@link #send} while the client is slow
 * (back-pressure for streams that can wait); a {@linkplain #bounded bounded} one never blocks: messages queue in
 * Jetty's frame flusher up to {@code maxQueuedBytes} (UTF-16 chars of JSON, about bytes for our ASCII JSON), and the
 * message that would pass the bound closes the socket with 1008 instead, then runs {@code onOverflow} once (both
 * outside this object's lock) so that the owner ends its work: memory never grows with a client that stopped reading.
 */
public final class SocketSender {
    public static final int NORMAL = StatusCode.NORMAL, POLICY = StatusCode.POLICY_VIOLATION, SERVER_ERROR = StatusCode.SERVER_ERROR;

    private final Session session;
    private final long maxQueuedBytes;
    private final Runnable onOverflow;
    private boolean closed;
    /** Written from Jetty's callbacks without this object's lock (they may run while Jetty holds its own). */
    private final AtomicLong queued = new AtomicLong();

    public SocketSender(Session session) {
        this(session, -1, () -> {});
    }

    private SocketSender(Session session, long maxQueuedBytes, Runnable onOverflow) {
        this.session = session;
        this.maxQueuedBytes = maxQueuedBytes;
        this.onOverflow = onOverflow;
    }

    /** A sender that never blocks and closes a client that lets more than {@code maxQueuedBytes} pile up. */
    public static SocketSender bounded(Session session, long maxQueuedBytes, Runnable onOverflow) {
        if (maxQueuedBytes <= 0) throw new IllegalArgumentException("maxQueuedBytes must be positive");
        return new SocketSender(session, maxQueuedBytes, onOverflow);
    }

    public void send(Object message) throws IOException {
        String text = Json.write(message);
        synchronized (this) {
            if (closed || !session.isOpen()) throw new IOException("the socket is closed");
            if (maxQueuedBytes < 0) {
                session.getRemote().sendString(text);
                return;
            }
            long size = text.length();
            if (queued.get() + size <= maxQueuedBytes) {
                queued.addAndGet(size);
                session.getRemote().sendString(text, new Sent(size));
                return;
            }
            closed = true;
        }
        closeSession(POLICY, "The client is not reading: more than " + maxQueuedBytes / 1024 + " KiB of events are waiting to be sent");
        onOverflow.run();
        throw new IOException("the client is not reading; the socket was closed");
    }

    /** Characters handed to Jetty and not yet written (bounded senders; 0 for plain ones). */
    public long queued() {
        return queued.get();
    }

    /**
     * Closes once; later calls do nothing. Jetty's close runs outside this object's lock: it may call the endpoint's
     * close handler on this thread, and that handler may wait for a thread that is sending here.
     */
    public void close(int code, String reason) {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        closeSession(code, reason);
    }

    private void closeSession(int code, String reason) {
        if (session.isOpen()) session.close(code, truncate(reason));
    }

    /** Drops the connection without a close handshake: for a client that does not read its close frame. */
    public void disconnect() {
        try {
            session.disconnect();
        } catch (RuntimeException e) {
            // already gone
        }
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

    private final class Sent implements WriteCallback {
        private final long size;

        Sent(long size) {
            this.size = size;
        }

        @Override
        public void writeSuccess() {
            done();
        }

        @Override
        public void writeFailed(Throwable x) {
            done();
        }

        private void done() {
            queued.addAndGet(-size);
        }
    }
}
