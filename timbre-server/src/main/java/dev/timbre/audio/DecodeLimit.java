package dev.timbre.audio;

/** The longest audio a decode may produce, in seconds; checked as frames arrive so a lying header cannot blow memory. */
record DecodeLimit(double maxSeconds) {
    /** The most frames allowed at {@code rate} Hz. */
    long maxFrames(int rate) { return (long) Math.floor(maxSeconds * rate); }

    /** Throws {@link AudioFormatException.Kind#TOO_LONG} when {@code frames} at {@code rate} pass the limit. */
    void check(long frames, int rate) {
        if (frames > maxFrames(rate)) throw tooLong();
    }

    AudioFormatException tooLong() {
        return new AudioFormatException(AudioFormatException.Kind.TOO_LONG, "audio is longer than the limit of " + maxSeconds + " seconds");
    }
}
