package dev.timbre.config;

import java.util.Map;

/**
 * The SIP user agent's settings, from the environment: {@code TIMBRE_SIP_PORT} (UDP and TCP, default 5060; {@code off}
 * disables SIP), {@code TIMBRE_SIP_HOST} (the local address to bind, default {@code 0.0.0.0}),
 * {@code TIMBRE_SIP_PUBLIC_HOST} (the address put in Contact, Via and SDP: a public IP behind NAT; default the bound
 * address, or this machine's address when bound to all), {@code TIMBRE_RTP_PORTS} ({@code min-max}, default
 * {@code 10000-20000}) and {@code TIMBRE_RTP_TIMEOUT_SECONDS} (media silence before a call is hung up, default 30).
 */
public record SipSettings(boolean enabled, String bindHost, String publicHost, int port, int rtpMin, int rtpMax, int rtpTimeoutSeconds) {
    /** SIP off: what servers started without {@link #fromEnv} (tests) get. */
    public static final SipSettings OFF = new SipSettings(false, "127.0.0.1", null, 0, 10000, 20000, 30);

    public SipSettings {
        if (enabled && (port < 1 || port > 65535)) throw new IllegalArgumentException("TIMBRE_SIP_PORT out of range: " + port);
        if (rtpMin < 1024 || rtpMax > 65535 || rtpMin >= rtpMax) throw new IllegalArgumentException("TIMBRE_RTP_PORTS must be min-max within 1024-65535");
        if (rtpTimeoutSeconds < 1) throw new IllegalArgumentException("TIMBRE_RTP_TIMEOUT_SECONDS must be at least 1");
    }

    public static SipSettings fromEnv(Map<String, String> env) {
        String p = env.getOrDefault("TIMBRE_SIP_PORT", "5060").strip();
        boolean enabled = !p.equalsIgnoreCase("off") && !p.equalsIgnoreCase("none") && !p.isEmpty();
        int port = enabled ? number("TIMBRE_SIP_PORT", p) : 0;
        String bind = env.getOrDefault("TIMBRE_SIP_HOST", "0.0.0.0").strip();
        String ports = env.getOrDefault("TIMBRE_RTP_PORTS", "10000-20000").strip();
        String[] range = ports.split("-");
        if (range.length != 2) throw new IllegalArgumentException("TIMBRE_RTP_PORTS must be min-max, got: " + ports);
        int timeout = number("TIMBRE_RTP_TIMEOUT_SECONDS", env.getOrDefault("TIMBRE_RTP_TIMEOUT_SECONDS", "30").strip());
        return new SipSettings(enabled, bind, blankToNull(env.get("TIMBRE_SIP_PUBLIC_HOST")), port,
                number("TIMBRE_RTP_PORTS", range[0].strip()), number("TIMBRE_RTP_PORTS", range[1].strip()), timeout);
    }

    /** The address peers are told: the public host, else the bound one, else (bound to all) this machine's address. */
    public String advertisedHost() {
        if (publicHost != null) return publicHost;
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) return bindHost;
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int number(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + v);
        }
    }
}
