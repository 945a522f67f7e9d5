package dev.timbre.voices;

import java.util.List;
import java.util.Map;

/**
 * A voice as a create or edit request gives it. For an edit, {@code files} are added to the voice's samples.
 *
 * @param labels already parsed; null on an edit means "keep the current labels"
 */
public record VoiceInput(String name, String description, Map<String, String> labels, List<Upload> files, boolean removeBackgroundNoise) {
    /** One uploaded audio file, as sent. */
    public record Upload(String fileName, byte[] data) {}
}
