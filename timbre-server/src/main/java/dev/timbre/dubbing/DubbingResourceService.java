package dev.timbre.dubbing;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.voices.PremadeVoices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Editing a dub as ElevenLabs' dubbing resource ({@code /v1/dubbing/resource/{id}}): read it, create, change and delete
 * segments, re-transcribe, re-translate and re-dub chosen segments (durable edit jobs, {@link JobDubbingEdits}: the
 * answer comes at once, the resource's {@code edits} show their progress), render a language ({@link JobDubbingRenders},
 * a durable job), add a target language, change a speaker's voice, and
 * list voices for a speaker. Every change increments the dub's {@code version} and answers it. Edits need a finished
 * dub: 425 while it is still dubbing (too early: the pipeline still writes these rows; retry later, as for its audio),
 * 400 {@code dubbing_failed} for a failed one. Bad input (unknown segment or language, a pair nobody translates) is
 * refused before anything is queued. Thread-safe.
 */
public final class DubbingResourceService {
    /** How many of a dub's latest edits its resource view lists. */
    static final int RECENT_EDITS = 20;
    private static final Set<String> RENDER_TYPES = Set.of("mp4", "aac", "mp3", "wav", "aaf", "tracks_zip", "clips_zip");

    private final DubbingRepository dubs;
    private final SegmentRepository parts;
    private final ResourceRepository edits;
    private final ResourceWork work;
    private final JobDubbingRenders renders;
    private final JobDubbingEdits jobs;
    private final EditRepository editJobs;
    private final PremadeVoices premade;
    private final dev.timbre.storage.BlobStore blobs;

    DubbingResourceService(DubbingRepository dubs, SegmentRepository parts, ResourceRepository edits, ResourceWork work, JobDubbingRenders renders,
                           JobDubbingEdits jobs, EditRepository editJobs, PremadeVoices premade, dev.timbre.storage.BlobStore blobs) {
        this.jobs = jobs;
        this.editJobs = editJobs;
        this.blobs = blobs;
        this.dubs = dubs;
        this.parts = parts;
        this.edits = edits;
        this.work = work;
        this.renders = renders;
        this.premade = premade;
    }

    public ResourceView.Resource get(String id) {
        return ResourceViews.of(find(id), parts, dubs.renders(id), editJobs.recent(id, RECENT_EDITS));
    }

    public ResourceView.SegmentCreated createSegment(String id, String speakerId, ResourceView.SegmentCreate body) {
        Dubbing d = editable(id);
        if (parts.speakers(id).stream().noneMatch(s -> s.speakerId().equals(speakerId))) throw ApiException.notFound("speaker_not_found",
                "Speaker '" + speakerId + "' not found in dubbing '" + id + "'.");
        if (body.startTime() == null) throw ApiException.invalid("Field required", "missing", "body", "start_time");
        if (body.endTime() == null) throw ApiException.invalid("Field required", "missing", "body", "end_time");
        times(d, body.startTime(), body.endTime());
        Map<String, String> translations = body.translations() == null ? Map.of() : body.translations();
        for (String l : translations.keySet()) target(d, l);
        String segmentId = "seg_" + Ids.random(12);
        List<SegmentRepository.Dub> dubRows = new ArrayList<>();
        for (String l : d.targetLangs()) dubRows.add(new SegmentRepository.Dub(segmentId, l, body.startTime(), body.endTime(),
                translations.get(l), null, true, false));
        edits.insert(id, new SegmentRepository.Segment(segmentId, speakerId, body.startTime(), body.endTime(),
                body.text() == null ? "" : body.text()), dubRows);
        return new ResourceView.SegmentCreated(bump(id), segmentId);
    }

    /** Changes a segment in the source language (its dubs become stale) or its dub in a target language. */
    public ResourceView.Version updateSegment(String id, String segmentId, String language, ResourceView.SegmentUpdate body) {
        Dubbing d = editable(id);
        SegmentRepository.Segment s = segment(id, segmentId);
        String lang = language.toLowerCase(Locale.ROOT);
        double start = body.startTime() != null ? body.startTime() : s.start(), end = body.endTime() != null ? body.endTime() : s.end();
        times(d, start, end);
        if (lang.equals(d.sourceLang()) && !d.targetLangs().contains(lang)) {
            edits.updateSegment(id, new SegmentRepository.Segment(segmentId, s.speakerId(), start, end, body.text() != null ? body.text() : s.text()));
        } else {
            target(d, language);
            SegmentRepository.Dub x = parts.dubs(id, lang).stream().filter(v -> v.segmentId().equals(segmentId)).findFirst()
                    .orElse(new SegmentRepository.Dub(segmentId, lang, s.start(), s.end(), null, null, true, false));
            edits.putDub(id, new SegmentRepository.Dub(segmentId, lang, start, body.endTime() != null ? end : x.end(),
                    body.text() != null ? body.text() : x.text(), x.audioKey(), true, x.overrun()));
        }
        return new ResourceView.Version(bump(id));
    }

    public ResourceView.Version deleteSegment(String id, String segmentId) {
        Dubbing d = editable(id);
        segment(id, segmentId);
        edits.deleteSegment(id, segmentId);
        DubbingPipeline.deleteAll(blobs, d.targetLangs().stream().map(l -> DubbingStages.key(id, l + "/" + segmentId + ".pcm")).toList());
        return new ResourceView.Version(bump(id));
    }

    /** Queues a re-transcription of the chosen segments (every one when none is named) as an edit job. */
    public ResourceView.Version transcribe(String id, ResourceView.Selection body) {
        Dubbing d = editable(id);
        List<String> chosen = ResourceWork.ids(chosen(id, body));
        return queue(d, JobDubbingEdits.TRANSCRIBE, chosen, List.of(), chosen.size());
    }

    /** Queues a re-translation of the chosen segments into the named languages (every target when none). */
    public ResourceView.Version translate(String id, ResourceView.Selection body) {
        Dubbing d = editable(id);
        List<String> chosen = ResourceWork.ids(chosen(id, body));
        List<String> languages = languages(d, body.languages());
        for (String l : languages) engines(() -> work.translator(d.sourceLang(), l)); // a pair nobody translates: 400 now
        return queue(d, JobDubbingEdits.TRANSLATE, chosen, languages, languages.size());
    }

    /** Queues speaking the chosen segments again in the named languages (every target when none). */
    public ResourceView.Version dub(String id, ResourceView.Selection body) {
        Dubbing d = editable(id);
        List<String> chosen = ResourceWork.ids(chosen(id, body));
        List<String> languages = languages(d, body.languages());
        return queue(d, JobDubbingEdits.DUB, chosen, languages, chosen.size() * languages.size());
    }

    /** Counts the version and stores the edit for its job ({@link JobDubbingEdits}); 429 when too many edits wait. */
    private ResourceView.Version queue(Dubbing d, String operation, List<String> segments, List<String> languages, int total) {
        if (!jobs.hasRoom()) throw ApiException.busy("too_many_concurrent_requests", "Too many dubbing edits are waiting; try again later.", 30);
        int version = bump(d.id());
        jobs.submit(d.id(), version, operation, segments, languages, total);
        return new ResourceView.Version(version);
    }

    /** Queues a render of {@code language}: mp3 or wav, or mp4 for a video source (with ffmpeg). */
    public ResourceView.RenderStarted render(String id, String language, ResourceView.RenderRequest body) {
        Dubbing d = editable(id);
        String lang = target(d, language);
        String type = body.renderType();
        if (type == null) throw ApiException.invalid("Field required", "missing", "body", "render_type");
        if (!RENDER_TYPES.contains(type)) throw ApiException.invalid("Input should be 'mp4', 'aac', 'mp3', 'wav', 'aaf', 'tracks_zip' or "
                + "'clips_zip'", "enum", "body", "render_type");
        if (!Set.of("mp3", "wav", "mp4").contains(type)) throw ApiException.badRequest("unsupported_render_type",
                "Render type '" + type + "' is not supported by this server; use mp3, wav or (for a video) mp4.");
        if (type.equals("mp4") && (!d.isVideo() || !work.muxes())) throw ApiException.badRequest("unsupported_render_type",
                d.isVideo() ? "This server has no ffmpeg to render video; use mp3 or wav." : "The dub's source is audio; render mp3 or wav.");
        int version = bump(id);
        String renderId = lang + "-" + type;
        String previous = dubs.renders(id).stream().filter(r -> r.renderId().equals(renderId)).map(DubbingRepository.Render::mediaKey)
                .filter(k -> k != null).findFirst().orElse(null); // still served by GET …/audio until the new one is stored
        dubs.putRender(id, new DubbingRepository.Render(renderId, lang, type, previous, "processing", version));
        renders.submit(new JobDubbingRenders.RenderJob(id, renderId, lang, type, version));
        return new ResourceView.RenderStarted(version, renderId);
    }

    /** Adds a target language: its dubs untranslated and unspoken until translate and dub. */
    public ResourceView.Version addLanguage(String id, ResourceView.LanguageRequest body) {
        Dubbing d = editable(id);
        if (body.language() == null || body.language().isBlank()) throw ApiException.invalid("Field required", "missing", "body", "language");
        String lang = DubbingChecks.language(body.language().strip(), "language");
        if (d.targetLangs().contains(lang)) throw ApiException.badRequest("language_exists", "The dub already has language '" + lang + "'.");
        if (work.voices().providerFor(lang).isEmpty()) throw ApiException.badRequest("unsupported_language",
                "No speech engine on this server speaks '" + lang + "'.");
        List<String> targets = new ArrayList<>(d.targetLangs());
        targets.add(lang);
        List<SegmentRepository.Dub> rows = parts.segments(id).stream()
                .map(s -> new SegmentRepository.Dub(s.segmentId(), lang, s.start(), s.end(), null, null, true, false)).toList();
        edits.addLanguage(id, targets, rows);
        return new ResourceView.Version(bump(id));
    }

    /**
     * Sets a speaker's voice: a library voice at once, or {@code track-clone}/{@code clip-clone}: a clone fitted to its
     * speech again by an edit job ({@link JobDubbingEdits#CLONE}; the answer's version is the edit's).
     */
    public ResourceView.Version updateSpeaker(String id, String speakerId, ResourceView.SpeakerUpdate body) {
        Dubbing d = editable(id);
        List<SegmentRepository.Speaker> speakers = parts.speakers(id);
        int index = SegmentRepository.Speaker.indexOf(speakers, speakerId);
        if (index < 0) throw ApiException.notFound("speaker_not_found", "Speaker '" + speakerId + "' not found in dubbing '" + id + "'.");
        List<String> languages = languages(d, body.languages() == null || body.languages().isEmpty() ? null : body.languages());
        if (body.voiceId() != null && ("track-clone".equals(body.voiceId()) || "clip-clone".equals(body.voiceId()))) {
            return queue(d, JobDubbingEdits.CLONE, List.of(speakerId), languages, languages.size()); // fitted by the edit's job
        }
        if (body.voiceId() != null && !body.voiceId().isBlank()) {
            if (jobs.cloning(id, speakerId)) throw new ApiException(409, "speaker_voice_in_progress",
                    "A clone of speaker '" + speakerId + "' is still being made; set its voice once that edit has finished.");
            Map<String, SpeakerVoices.Voice> voices = new HashMap<>(SpeakerVoices.read(speakers.get(index).voices()));
            PremadeVoices.Premade p = premade.find(body.voiceId()).orElseThrow(() -> ApiException.notFound("voice_not_found",
                    "A voice with the voice_id '" + body.voiceId() + "' was not found."));
            for (String l : languages) {
                voices.put(l, new SpeakerVoices.Voice(p.provider(), p.descriptor().id(), dev.timbre.engine.VoiceShape.NEUTRAL, false));
                edits.staleSpeaker(id, speakerId, l);
            }
            parts.setVoices(id, speakerId, SpeakerVoices.write(voices));
        }
        return new ResourceView.Version(bump(id));
    }

    /** The server's voices that speak the speaker's languages, the speaker's current voices first; at most 10. */
    public ResourceView.SimilarVoices similarVoices(String id, String speakerId) {
        Dubbing d = find(id);
        SegmentRepository.Speaker sp = parts.speakers(id).stream().filter(s -> s.speakerId().equals(speakerId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("speaker_not_found", "Speaker '" + speakerId + "' not found in dubbing '" + id + "'."));
        Set<String> providers = new HashSet<>();
        for (String l : d.targetLangs()) work.voices().providerFor(l).ifPresent(providers::add);
        Map<String, ResourceView.SimilarVoice> out = new LinkedHashMap<>();
        for (SpeakerVoices.Voice v : SpeakerVoices.read(sp.voices()).values()) premade.find(v.voiceId()).ifPresent(p -> out.put(p.voiceId(), similar(p)));
        for (PremadeVoices.Premade p : premade.all()) if (providers.contains(p.provider()) && out.size() < 10) out.putIfAbsent(p.voiceId(), similar(p));
        return new ResourceView.SimilarVoices(List.copyOf(out.values()));
    }

    private static ResourceView.SimilarVoice similar(PremadeVoices.Premade p) {
        return new ResourceView.SimilarVoice(p.voiceId(), p.descriptor().name(), "premade", p.descriptor().description(), null);
    }

    private interface Work<T> {
        T run() throws DubbingFailure, IOException, InterruptedException;
    }

    /** Runs engine work; a {@link DubbingFailure} (no engine, engine failed) is a 400 {@code dubbing_edit_failed}. */
    private static <T> T engines(Work<T> w) {
        try {
            return w.run();
        } catch (DubbingFailure e) {
            throw ApiException.badRequest("dubbing_edit_failed", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "The server is stopping; try again.");
        }
    }

    /** The named segments (every one when the list is empty), in time order; 404 for an unknown one. */
    private List<SegmentRepository.Segment> chosen(String id, ResourceView.Selection body) {
        if (body.segments() == null) throw ApiException.invalid("Field required", "missing", "body", "segments");
        List<SegmentRepository.Segment> all = parts.segments(id);
        if (body.segments().isEmpty()) return all;
        Set<String> known = new HashSet<>(ResourceWork.ids(all));
        for (String s : body.segments()) if (!known.contains(s)) throw segmentNotFound(id, s);
        Set<String> want = new HashSet<>(body.segments());
        return all.stream().filter(s -> want.contains(s.segmentId())).toList();
    }

    /** The named target languages (every one when null or empty); 404 for one the dub does not have. */
    private static List<String> languages(Dubbing d, List<String> named) {
        if (named == null || named.isEmpty()) return d.targetLangs();
        List<String> out = new ArrayList<>();
        for (String l : named) out.add(target(d, l));
        return out.stream().distinct().toList();
    }

    private static String target(Dubbing d, String language) {
        return d.targetLangs().stream().filter(t -> t.equalsIgnoreCase(language)).findFirst().orElseThrow(() -> ApiException.notFound(
                "language_not_found", "Dubbing '" + d.id() + "' has no language '" + language + "'."));
    }

    private static void times(Dubbing d, double start, double end) {
        if (start < 0 || Double.isNaN(start)) throw ApiException.invalid("start_time must be at least 0", "value_error", "body", "start_time");
        if (!(end > start)) throw ApiException.invalid("end_time must be after start_time", "value_error", "body", "end_time");
        if (end > d.durationSec() + 1) throw ApiException.invalid("end_time is past the end of the dub", "value_error", "body", "end_time");
    }

    private SegmentRepository.Segment segment(String id, String segmentId) {
        return edits.segment(id, segmentId).orElseThrow(() -> segmentNotFound(id, segmentId));
    }

    private static ApiException segmentNotFound(String id, String segmentId) {
        return ApiException.notFound("segment_not_found", "Segment '" + segmentId + "' not found in dubbing '" + id + "'.");
    }

    private int bump(String id) {
        int v = edits.bump(id);
        if (v < 0) throw DubbingService.notFound(id);
        return v;
    }

    private Dubbing editable(String id) {
        Dubbing d = find(id);
        if (!d.status().equals(Dubbing.DUBBED)) throw DubbingService.notReady(d);
        return d;
    }

    private Dubbing find(String id) {
        return dubs.find(id).orElseThrow(() -> DubbingService.notFound(id));
    }
}
