package dev.timbre.studio;

import java.util.List;

/**
 * A checked {@code POST /v1/studio/projects} (and Audio Native create): the fields as sent, at most one source.
 *
 * @param contentJson {@code from_content_json}: a JSON list of chapters, or (Timbre) plain text when it is not JSON
 * @param document    {@code from_document}'s file, or null
 * @param audioNative the player's settings (JSON) for an Audio Native project, else null
 */
public record NewProject(String name, String titleVoiceId, String paragraphVoiceId, String modelId, String url,
                         Document document, String contentJson, String qualityPreset, ProjectDetails details,
                         boolean volumeNormalization, List<StudioViews.Locator> locators, String applyTextNormalization,
                         boolean autoConvert, String audioNative) {
    /** An uploaded document. */
    public record Document(String filename, String contentType, byte[] data) {}
}
