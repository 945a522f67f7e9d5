package dev.timbre.texttospeech.normalize;

/**
 * Start and end times in seconds, one pair per character (UTF-16 unit) of some text: the three parallel arrays of the
 * API's {@code CharacterAlignmentResponseModel} minus the characters themselves. Arrays are shared, not copied.
 */
public record CharacterTimes(double[] startSeconds, double[] endSeconds) {
    public CharacterTimes {
        if (startSeconds.length != endSeconds.length) {
            throw new IllegalArgumentException(
                    "start and end times differ in length: " + startSeconds.length + " vs " + endSeconds.length);
        }
    }

    /** How many characters are timed. */
    public int size() {
        return startSeconds.length;
    }
}
