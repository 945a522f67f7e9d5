package dev.timbre.telephony.sip;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * The UDP port range RTP may use ({@code TIMBRE_RTP_PORTS}): hands out sockets bound to even ports in turn (RTCP's
 * odd neighbour stays free). Thread-safe.
 */
public final class RtpPorts {
    private final int min;
    private final int max;
    private final InetAddress bind;
    private int cursor;

    /** @param min first port (inclusive), {@code max} last (inclusive); {@code bind} the local address */
    public RtpPorts(int min, int max, InetAddress bind) {
        if (min < 1024 || max > 65535 || min > max) throw new IllegalArgumentException("RTP port range must lie in 1024-65535: " + min + "-" + max);
        this.min = min + (min & 1);
        this.max = max;
        this.bind = bind;
        this.cursor = this.min;
    }

    /** A socket on a free even port of the range, or null when every port is taken. The caller closes it. */
    public synchronized DatagramSocket open() {
        int span = (max - min) / 2 + 1;
        for (int i = 0; i < span; i++) {
            int port = cursor;
            cursor = cursor + 2 > max ? min : cursor + 2;
            try {
                DatagramSocket s = new DatagramSocket(null);
                s.setReuseAddress(false);
                try {
                    s.bind(new InetSocketAddress(bind, port));
                    return s;
                } catch (SocketException taken) {
                    s.close();
                }
            } catch (SocketException e) {
                return null;
            }
        }
        return null;
    }
}
