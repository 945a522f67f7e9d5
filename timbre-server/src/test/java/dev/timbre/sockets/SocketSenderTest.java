package dev.timbre.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.junit.jupiter.api.Test;

class SocketSenderTest {
    /** A Jetty session whose writes complete only when the test says so (a client that stopped reading). */
    static final class StalledSession {
        final List<WriteCallback> pending = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        boolean open = true;
        Integer closeCode;
        String closeReason;
        boolean disconnected;
        /** Runs inside {@code close}, as Jetty may run the endpoint's close handler on the closing thread. */
        Runnable onClose = () -> {};

        Session session() {
            RemoteEndpoint remote = (RemoteEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.class},
                    (p, m, args) -> {
                        if (m.getName().equals("sendString") && args.length == 2) {
                            sent.add((String) args[0]);
                            pending.add((WriteCallback) args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (p, m, args) -> switch (m.getName()) {
                case "isOpen" -> open;
                case "getRemote" -> remote;
                case "close" -> {
                    onClose.run();
                    if (args != null && args.length == 2) {
                        closeCode = (Integer) args[0];
                        closeReason = (String) args[1];
                    }
                    open = false;
                    yield null;
                }
                case "disconnect" -> {
                    disconnected = true;
                    open = false;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });
        }
    }

    @Test
    void boundedSenderQueuesWithoutBlockingAndClosesWith1008PastTheBound() throws IOException {
        StalledSession s = new StalledSession();
        AtomicInteger overflows = new AtomicInteger();
        SocketSender out = SocketSender.bounded(s.session(), 1000, overflows::incrementAndGet);
        String chunk = "x".repeat(280); // {"a":"xxx…"} is 288 characters
        for (int i = 0; i < 3; i++) out.send(Map.of("a", chunk));
        assertThat(out.queued()).isEqualTo(3 * 288);
        assertThatThrownBy(() -> out.send(Map.of("a", chunk))).isInstanceOf(IOException.class);
        assertThat(overflows).hasValue(1);
        assertThat(s.closeCode).isEqualTo(1008);
        assertThat(s.closeReason).contains("not reading");
        assertThat(s.sent).hasSize(3);
        assertThatThrownBy(() -> out.send(Map.of("a", "late"))).isInstanceOf(IOException.class);
        assertThat(overflows).hasValue(1);
        out.disconnect();
        assertThat(s.disconnected).isTrue();
    }

    @Test
    void writtenMessagesFreeTheirRoom() throws IOException {
        StalledSession s = new StalledSession();
        SocketSender out = SocketSender.bounded(s.session(), 1000, () -> {});
        String chunk = "x".repeat(280);
        for (int round = 0; round < 20; round++) {
            out.send(Map.of("a", chunk));
            out.send(Map.of("a", chunk));
            s.pending.forEach(WriteCallback::writeSuccess);
            s.pending.clear();
        }
        assertThat(out.queued()).isZero();
        assertThat(s.sent).hasSize(40);
        assertThat(s.closeCode).isNull();
    }

    @Test
    void failedWritesFreeTheirRoomToo() throws IOException {
        StalledSession s = new StalledSession();
        SocketSender out = SocketSender.bounded(s.session(), 1000, () -> {});
        out.send(Map.of("a", "x".repeat(280)));
        s.pending.get(0).writeFailed(new IOException("reset"));
        assertThat(out.queued()).isZero();
    }

    @Test
    void jettysCloseRunsOutsideTheSendersLock() throws IOException {
        StalledSession s = new StalledSession();
        SocketSender out = SocketSender.bounded(s.session(), 1000, () -> {});
        java.util.concurrent.atomic.AtomicReference<Object> otherSend = new java.util.concurrent.atomic.AtomicReference<>();
        s.onClose = () -> {
            // the close handler waits for a thread that is sending (e.g. one holding the conversation's lock)
            Thread sender = new Thread(() -> {
                try {
                    out.send(Map.of("a", "late"));
                    otherSend.set("sent");
                } catch (IOException e) {
                    otherSend.set(e);
                }
            });
            sender.start();
            try {
                sender.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        out.close(1000, "bye");
        assertThat(otherSend.get()).as("the other send finished: refused, the socket is closed").isInstanceOf(IOException.class);
        assertThat(s.closeCode).isEqualTo(1000);
        out.close(1000, "again");
        assertThat(s.sent).isEmpty();
    }
}
