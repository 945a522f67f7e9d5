package dev.timbre.audionative;

/**
 * An Audio Native project's player, stored as JSON with its Studio project ({@code studio_projects.audio_native}).
 * Colours are CSS colour strings as sent; {@code sessionization} minutes (kept, not used: the player holds no session).
 */
public record PlayerSettings(String title, String image, String author, boolean small, String textColor, String backgroundColor,
                             int sessionization) {
    static final String DEFAULT_TEXT = "#000000", DEFAULT_BACKGROUND = "#FFFFFF";
}
