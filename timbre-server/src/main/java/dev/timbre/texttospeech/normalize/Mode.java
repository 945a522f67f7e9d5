package dev.timbre.texttospeech.normalize;

import java.util.Locale;

/**
 * The API's {@code apply_text_normalization}. {@link #ON} always normalises, {@link #OFF} never does, {@link #AUTO}
 * lets the server decide: Timbre normalises in AUTO too (see {@code package-info}), so AUTO and ON read the same.
 */
public enum Mode {
    AUTO, ON, OFF;

    /**
     * Parses the wire value: {@code null} or blank is AUTO (the API default); "auto", "on", "off" in any case;
     * "apply_english" (Studio, Audio Native) is ON, since the normaliser is English only.
     *
     * @throws IllegalArgumentException for any other value, naming it
     */
    public static Mode fromApi(String value) {
        if (value == null || value.isBlank()) return AUTO;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "on", "apply_english" -> ON;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException(
                    "apply_text_normalization must be one of auto, on, off; got '" + value + "'");
        };
    }

    /** Whether text is rewritten in this mode. */
    public boolean normalizes() {
        return this != OFF;
    }
}
