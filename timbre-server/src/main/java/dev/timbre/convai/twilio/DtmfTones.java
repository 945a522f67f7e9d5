package dev.timbre.convai.twilio;

import dev.timbre.audio.G711;

/**
 * Keypad tones as in-band audio (μ-law 8 kHz): each key 100 ms of its two DTMF frequencies then 100 ms of silence,
 * {@code w} 500 ms of silence; other characters are skipped. Twilio passes in-band tones to the far end, so a line
 * sends digits by playing them after the queued speech. Stateless.
 */
final class DtmfTones {
    private static final String KEYS = "123A456B789C*0#D";
    private static final int[] ROWS = {697, 770, 852, 941};
    private static final int[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final int RATE = 8000, TONE = 800, GAP = 800, WAIT = 4000;
    /** At most this many characters are played (a longer string is cut): 64 keys ≈ 13 s. */
    static final int MAX_KEYS = 64;

    private DtmfTones() {}

    static byte[] ulaw(String digits) {
        String keys = digits.length() > MAX_KEYS ? digits.substring(0, MAX_KEYS) : digits;
        java.io.ByteArrayOutputStream pcm = new java.io.ByteArrayOutputStream();
        for (char c : keys.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int k = KEYS.indexOf(c);
            if (c == 'W') samples(pcm, 0, 0, WAIT);
            else if (k >= 0) {
                samples(pcm, ROWS[k / 4], COLUMNS[k % 4], TONE);
                samples(pcm, 0, 0, GAP);
            }
        }
        return G711.ulaw(pcm.toByteArray());
    }

    private static void samples(java.io.ByteArrayOutputStream out, int f1, int f2, int n) {
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            int s = f1 == 0 ? 0 : (int) (8000 * (Math.sin(2 * Math.PI * f1 * t) + Math.sin(2 * Math.PI * f2 * t)));
            out.write(s & 0xff);
            out.write((s >> 8) & 0xff);
        }
    }
}
