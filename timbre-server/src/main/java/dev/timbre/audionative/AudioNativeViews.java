package dev.timbre.audionative;

/** The wire shapes of {@code /v1/audio-native} and of the public player's {@code player.json}. */
final class AudioNativeViews {
    private AudioNativeViews() {}

    /** {@code AudioNativeCreateProjectResponseModel}. */
    record Created(String projectId, boolean converting, String htmlSnippet) {}

    /** {@code AudioNativeEditContentResponseModel}. */
    record Edited(String projectId, boolean converting, boolean publishing, String htmlSnippet) {}

    /** {@code GetAudioNativeProjectSettingsResponseModel}. */
    record Settings(boolean enabled, String snapshotId, Player settings) {}

    /** {@code AudioNativeProjectSettingsResponseModel}; {@code status} processing while converting, else ready. */
    record Player(String title, String image, String author, boolean small, String textColor, String backgroundColor,
                  int sessionization, String audioPath, String audioUrl, String status) {}
}
