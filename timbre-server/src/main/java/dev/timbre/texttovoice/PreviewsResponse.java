package dev.timbre.texttovoice;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code VoicePreviewsResponseModel}: the previews of one design or remix and the text they speak. */
public record PreviewsResponse(List<Preview> previews, String text) {

    /** {@code VoicePreviewResponseModel}; {@code audio_base_64} is empty when the request asked for {@code stream_previews}. */
    public record Preview(@JsonProperty("audio_base_64") String audioBase64, String generatedVoiceId, String mediaType,
                          double durationSecs, String language) {}
}
