package dev.timbre.telephony.sip;

import java.util.List;
import java.util.Locale;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SdpParseException;
import javax.sdp.SessionDescription;

/**
 * SDP offer/answer for one audio stream (RFC 3264): parses a peer's description with JAIN-SIP's SDP parser, picks
 * G.711 (PCMU or PCMA, in the peer's order of preference) and RFC 4733 {@code telephone-event/8000}, and writes
 * Timbre's own descriptions. Stateless and thread-safe.
 */
public final class Sdp {
    public static final int PCMU = 0;
    public static final int PCMA = 8;
    /** The telephone-event payload type Timbre offers. */
    public static final int EVENTS_OFFERED = 101;

    private Sdp() {}

    /**
     * What both sides use.
     *
     * @param host the peer's media address, {@code port} its RTP port
     * @param codec {@link #PCMU} or {@link #PCMA} (the payload type both sides use for it)
     * @param events the peer's telephone-event payload type, or -1 when it offered none
     */
    public record Media(String host, int port, int codec, int events) {}

    /** The description cannot be used. */
    public static final class Unusable extends Exception {
        private final boolean codecs;

        Unusable(String message, boolean codecs) {
            super(message);
            this.codecs = codecs;
        }

        /** True when it parsed but offered no codec in common (SIP 488); false when malformed (SIP 400). */
        public boolean noCommonCodec() { return codecs; }
    }

    /** Reads the first audio stream of {@code sdp}: its address, port, a G.711 codec and telephone-event. */
    public static Media negotiate(String sdp) throws Unusable {
        if (sdp == null || sdp.isBlank()) throw new Unusable("no session description", false);
        try {
            SessionDescription d = SdpFactory.getInstance().createSessionDescription(sdp);
            @SuppressWarnings("unchecked")
            Vector<MediaDescription> media = d.getMediaDescriptions(false);
            if (media == null) throw new Unusable("no media description", false);
            for (MediaDescription m : media) {
                if (!"audio".equalsIgnoreCase(m.getMedia().getMediaType()) || m.getMedia().getMediaPort() == 0) continue;
                Connection c = m.getConnection() != null ? m.getConnection() : d.getConnection();
                if (c == null) throw new Unusable("no connection address", false);
                int codec = -1;
                int events = -1;
                @SuppressWarnings("unchecked")
                Vector<String> formats = m.getMedia().getMediaFormats(false);
                for (String f : formats == null ? List.<String>of() : formats) {
                    int pt = Integer.parseInt(f.strip());
                    String name = rtpmap(m, pt);
                    boolean pcmu = name == null ? pt == PCMU : name.startsWith("pcmu/8000");
                    boolean pcma = name == null ? pt == PCMA : name.startsWith("pcma/8000");
                    if ((pcmu || pcma) && codec < 0) codec = pcmu ? PCMU : PCMA;
                    if (name != null && name.startsWith("telephone-event/8000") && events < 0) events = pt;
                }
                if (codec < 0) throw new Unusable("no PCMU or PCMA offered", true);
                return new Media(c.getAddress(), m.getMedia().getMediaPort(), codec, events);
            }
            throw new Unusable("no audio stream", true);
        } catch (SdpException | NumberFormatException e) {
            throw new Unusable("malformed session description: " + e.getMessage(), false);
        }
    }

    private static String rtpmap(MediaDescription m, int pt) throws SdpParseException {
        @SuppressWarnings("unchecked")
        Vector<Attribute> attrs = m.getAttributes(false);
        if (attrs == null) return null;
        for (Attribute a : attrs) {
            if (!"rtpmap".equalsIgnoreCase(a.getName()) || a.getValue() == null) continue;
            String[] v = a.getValue().strip().split("\\s+", 2);
            if (v.length == 2 && v[0].equals(Integer.toString(pt))) return v[1].toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** Timbre's answer: {@code codec} and (when the peer offered it) telephone-event on {@code host:port}. */
    public static String answer(String host, int port, int codec, int events) {
        return describe(host, port, events < 0 ? new int[] {codec} : new int[] {codec, events}, events);
    }

    /** Timbre's offer: PCMU, PCMA and telephone-event/8000 as {@link #EVENTS_OFFERED}. */
    public static String offer(String host, int port) {
        return describe(host, port, new int[] {PCMU, PCMA, EVENTS_OFFERED}, EVENTS_OFFERED);
    }

    private static String describe(String host, int port, int[] formats, int events) {
        String ip = host.contains(":") ? "IP6" : "IP4";
        long session = System.currentTimeMillis() / 1000;
        StringBuilder s = new StringBuilder()
                .append("v=0\r\n")
                .append("o=timbre ").append(session).append(' ').append(session).append(" IN ").append(ip).append(' ').append(host).append("\r\n")
                .append("s=timbre\r\n")
                .append("c=IN ").append(ip).append(' ').append(host).append("\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ").append(port).append(" RTP/AVP");
        for (int f : formats) s.append(' ').append(f);
        s.append("\r\n");
        for (int f : formats) {
            if (f == PCMU) s.append("a=rtpmap:0 PCMU/8000\r\n");
            else if (f == PCMA) s.append("a=rtpmap:8 PCMA/8000\r\n");
            else if (f == events) s.append("a=rtpmap:").append(f).append(" telephone-event/8000\r\n").append("a=fmtp:").append(f).append(" 0-16\r\n");
        }
        return s.append("a=ptime:20\r\na=sendrecv\r\n").toString();
    }
}
