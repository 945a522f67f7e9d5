package dev.timbre.dubbing;

import java.util.List;

/** Wire shapes of {@code /v1/dubbing} (field names as ElevenLabs' OpenAPI, snake_case through {@code Json}). */
public final class DubbingModels {
    private DubbingModels() {}

    /** {@code DoDubbingResponseModel}. */
    public record DoDubbingResponse(String dubbingId, double expectedDurationSec) {}

    /** {@code DubbingMediaMetadata}: duration in seconds. */
    public record MediaMetadata(String contentType, double duration) {}

    /** {@code DubbingMetadataResponse}; {@code created_at} ISO 8601; {@code error} only when failed. */
    public record Metadata(String dubbingId, String name, String status, List<String> targetLanguages, boolean editable, String createdAt,
                           MediaMetadata mediaMetadata, String error) {}

    /** {@code DubbingMetadataPageResponseModel}. */
    public record Page(List<Metadata> dubs, String nextCursor, boolean hasMore) {}

    /** {@code DeleteDubbingResponseModel}. */
    public record Deleted(String status) {}
}
