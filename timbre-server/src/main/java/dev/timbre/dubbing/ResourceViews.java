package dev.timbre.dubbing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ResourceView.Resource} of a dub from its rows (texts censored per {@link Profanity}). Stateless. */
final class ResourceViews {
    private ResourceViews() {}

    static ResourceView.Resource of(Dubbing d, SegmentRepository parts, List<DubbingRepository.Render> renders, List<EditRepository.Edit> edits) {
        String id = d.id();
        java.util.function.UnaryOperator<String> shown = Profanity.forDub(d);
        List<SegmentRepository.Segment> segments = parts.segments(id);
        Map<String, Map<String, ResourceView.DubbedSegment>> dubsOf = new LinkedHashMap<>();
        for (SegmentRepository.Segment s : segments) dubsOf.put(s.segmentId(), new LinkedHashMap<>());
        for (String l : d.targetLangs()) {
            for (SegmentRepository.Dub x : parts.dubs(id, l)) {
                Map<String, ResourceView.DubbedSegment> m = dubsOf.get(x.segmentId());
                if (m == null) continue;
                double end = Math.max(x.end(), x.start());
                String text = shown.apply(x.text());
                m.put(l, new ResourceView.DubbedSegment(x.start(), end, text, frames(x.start(), end, text), x.audioStale() || x.audioKey() == null,
                        x.audioKey() == null ? null : ref(id, x.audioKey(), "audio/pcm", end - x.start(), true, "")));
            }
        }
        Map<String, ResourceView.SpeakerSegment> speakerSegments = new LinkedHashMap<>();
        for (SegmentRepository.Segment s : segments) {
            String text = shown.apply(s.text());
            speakerSegments.put(s.segmentId(), new ResourceView.SpeakerSegment(s.segmentId(), s.start(), s.end(), text,
                    frames(s.start(), s.end(), text), dubsOf.get(s.segmentId())));
        }
        ResourceView.MediaRef speech = ref(id, DubbingStages.key(id, "speech.pcm"), "audio/pcm", d.durationSec(), true, "");
        Map<String, ResourceView.SpeakerTrack> tracks = new LinkedHashMap<>();
        for (SegmentRepository.Speaker sp : parts.speakers(id)) {
            Map<String, String> voices = new LinkedHashMap<>();
            SpeakerVoices.read(sp.voices()).forEach((l, v) -> voices.put(l, v.voiceId()));
            List<String> own = new ArrayList<>();
            for (SegmentRepository.Segment s : segments) if (s.speakerId().equals(sp.speakerId())) own.add(s.segmentId());
            tracks.put(sp.speakerId(), new ResourceView.SpeakerTrack(sp.speakerId(), speech, sp.name(), voices, own));
        }
        Map<String, ResourceView.Render> out = new LinkedHashMap<>();
        for (DubbingRepository.Render r : renders) {
            boolean video = r.type().equals("mp4");
            ResourceView.MediaRef m = r.mediaKey() == null || !r.status().equals("complete") ? null
                    : ref(id, r.mediaKey(), video ? "video/mp4" : r.type().equals("wav") ? "audio/wav" : "audio/mpeg", d.durationSec(), !video,
                    r.type().equals("wav") ? "" : "/v1/dubbing/" + id + "/audio/" + r.language());
            out.put(r.renderId(), new ResourceView.Render(r.renderId(), r.version(), r.language(), r.type(), m, r.status()));
        }
        return new ResourceView.Resource(id, d.version(), d.sourceLang(), d.targetLangs(),
                ref(id, d.sourceKey(), d.contentType(), d.durationSec(), !d.isVideo(), ""),
                ref(id, DubbingStages.key(id, "background.pcm"), "audio/pcm", d.durationSec(), true, ""),
                speech, tracks, speakerSegments, out, edits.stream().map(e -> new ResourceView.Edit(e.version(), e.operation(), e.status(),
                        Math.min(e.done(), e.total()), e.total(), e.error())).toList());
    }

    private static List<ResourceView.SubtitleFrame> frames(double start, double end, String text) {
        return text == null || text.isBlank() ? List.of() : List.of(new ResourceView.SubtitleFrame(start, end, List.of(text)));
    }

    /** A stored blob as a media reference: {@code src} its key in this server's blob store ({@code bucket_name} "timbre"). */
    private static ResourceView.MediaRef ref(String id, String key, String contentType, double seconds, boolean audio, String url) {
        return new ResourceView.MediaRef(key, contentType, "timbre", id, seconds, audio, url);
    }
}
