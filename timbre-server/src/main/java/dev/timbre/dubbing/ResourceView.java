package dev.timbre.dubbing;

import java.util.List;
import java.util.Map;

/** Wire shapes of {@code /v1/dubbing/resource} (ElevenLabs' DubbingResource and the edit bodies and answers). */
final class ResourceView {
    private ResourceView() {}

    /** Where a piece of the dub's media lies; {@code url} is served here only for complete renders, else empty. */
    record MediaRef(String src, String contentType, String bucketName, String randomPathSlug, double durationSecs, boolean isAudio, String url) {}

    record SubtitleFrame(double startTime, double endTime, List<String> lines) {}

    record DubbedSegment(double startTime, double endTime, String text, List<SubtitleFrame> subtitles, boolean audioStale, MediaRef mediaRef) {}

    record SpeakerSegment(String id, double startTime, double endTime, String text, List<SubtitleFrame> subtitles,
                          Map<String, DubbedSegment> dubs) {}

    /** @param voices language → the library voice id speaking this speaker there */
    record SpeakerTrack(String id, MediaRef mediaRef, String speakerName, Map<String, String> voices, List<String> segments) {}

    record Render(String id, int version, String language, String type, MediaRef mediaRef, String status) {}

    /**
     * A transcribe, translate or dub edit (a Timbre addition to the resource): {@code status} queued, processing,
     * complete or failed; {@code done} of {@code total} items (segments × languages; languages for a translation).
     */
    record Edit(int version, String operation, String status, int done, int total, String error) {}

    /** @param edits the dub's latest edits, oldest first (Timbre's addition; ElevenLabs' shape has no such field) */
    record Resource(String id, int version, String sourceLanguage, List<String> targetLanguages, MediaRef input, MediaRef background,
                    MediaRef foreground, Map<String, SpeakerTrack> speakerTracks, Map<String, SpeakerSegment> speakerSegments,
                    Map<String, Render> renders, List<Edit> edits) {}

    /** The answer of most edits: the resource's version after it. */
    record Version(int version) {}

    record SegmentCreated(int version, String newSegment) {}

    record RenderStarted(int version, String renderId) {}

    record SimilarVoice(String voiceId, String name, String category, String description, String previewUrl) {}

    record SimilarVoices(List<SimilarVoice> voices) {}

    // request bodies

    record SegmentCreate(Double startTime, Double endTime, String text, Map<String, String> translations) {}

    record SegmentUpdate(Double startTime, Double endTime, String text) {}

    /** transcribe: {@code languages} unused; translate and dub: null languages means every target language. */
    record Selection(List<String> segments, List<String> languages) {}

    record RenderRequest(String renderType) {}

    record LanguageRequest(String language) {}

    record SpeakerUpdate(String voiceId, List<String> languages) {}
}
