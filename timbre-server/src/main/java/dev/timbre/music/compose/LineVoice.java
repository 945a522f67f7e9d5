package dev.timbre.music.compose;

/**
 * Speaks one line of lyrics for the renderer. Implementations call a speech engine; the renderer places the audio on
 * a bar of the section the line belongs to and mixes it over the music, cut at the section's end.
 */
@FunctionalInterface
public interface LineVoice {
    /** The line as s16le mono PCM at {@link SongRenderer#SAMPLE_RATE}; empty when it cannot be spoken. */
    byte[] speak(String line) throws InterruptedException;
}
