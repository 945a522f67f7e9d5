package dev.timbre.agent.voice;

import java.util.Locale;

/**
 * The wire encoding of a voice conversation's audio: {@code pcm_<rate>} (s16le mono) or {@code ulaw_8000} (G.711
 * μ-law), as the agent's {@code asr.user_input_audio_format} and {@code tts.agent_output_audio_format} name them.
 */
public record AudioEncoding(Kind kind, int sampleRate) {
    public enum Kind { PCM, ULAW }

    /** Rates the ElevenLabs formats allow for {@code pcm_…}. */
    public static final int[] PCM_RATES = {8000, 16000, 22050, 24000, 44100, 48000};

    public static final AudioEncoding PCM_16000 = new AudioEncoding(Kind.PCM, 16000);

    /** Parses a format name; throws {@link IllegalArgumentException} naming the allowed values. */
    public static AudioEncoding parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("ulaw_8000")) return new AudioEncoding(Kind.ULAW, 8000);
        if (n.startsWith("pcm_")) {
            try {
                int rate = Integer.parseInt(n.substring(4));
                for (int r : PCM_RATES) if (r == rate) return new AudioEncoding(Kind.PCM, rate);
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
        }
        throw new IllegalArgumentException("Unsupported audio format '" + name
                + "': use pcm_8000, pcm_16000, pcm_22050, pcm_24000, pcm_44100, pcm_48000 or ulaw_8000");
    }

    public String wireName() { return (kind == Kind.ULAW ? "ulaw_" : "pcm_") + sampleRate; }

    /** Bytes per sample on the wire (2 for PCM, 1 for μ-law). */
    public int bytesPerSample() { return kind == Kind.ULAW ? 1 : 2; }

    public int bytesPerSecond() { return sampleRate * bytesPerSample(); }
}
