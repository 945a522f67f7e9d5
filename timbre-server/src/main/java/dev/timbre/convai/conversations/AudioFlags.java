package dev.timbre.convai.conversations;

/**
 * What a conversation's recording holds: the API's {@code has_audio} (a recording is stored), {@code has_user_audio}
 * and {@code has_response_audio}. Columns of V10.
 */
public record AudioFlags(boolean hasAudio, boolean hasUserAudio, boolean hasResponseAudio) {
    public static final AudioFlags NONE = new AudioFlags(false, false, false);
}
