package dev.timbre.audio;

/** Signed 16-bit little-endian PCM, mono, at {@code sampleRate} Hz: the one raw format engines exchange. */
public record PcmFormat(int sampleRate) {
    public PcmFormat {
        if (sampleRate < 1000 || sampleRate > 192_000) throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
    }

    public int bytesPerSecond() { return sampleRate * 2; }

    /** Duration in seconds of {@code bytes} bytes of audio in this format. */
    public double seconds(long bytes) { return bytes / (double) bytesPerSecond(); }
}
