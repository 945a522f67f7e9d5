package dev.timbre.voices;

import java.util.List;

/** The list shapes: {@code GetVoicesResponseModel} (v1) and {@code GetVoicesV2ResponseModel} (v2). */
public final class VoicePages {
    private VoicePages() {}

    public record All(List<VoiceResponse> voices) {}

    public record Page(List<VoiceResponse> voices, boolean hasMore, int totalCount, String nextPageToken) {}

    /** {@code AddVoiceIVCResponseModel}. */
    public record Added(String voiceId, boolean requiresVerification) {}

    /** {@code {"status": "ok"}} of edit, settings edit and delete. */
    public record Status(String status) {
        public static final Status OK = new Status("ok");
    }
}
