package dev.timbre.telephony.sip;

import dev.timbre.audio.G711;

/** Test helpers for μ-law audio. */
final class SipAudio {
    private SipAudio() {}

    /** Root-mean-square level of μ-law samples (16-bit scale). */
    static double rms(byte[] ulaw) {
        double sum = 0;
        for (byte b : ulaw) {
            double s = G711.ulawDecode(b);
            sum += s * s;
        }
        return ulaw.length == 0 ? 0 : Math.sqrt(sum / ulaw.length);
    }
}
