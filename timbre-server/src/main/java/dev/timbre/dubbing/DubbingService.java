package dev.timbre.dubbing;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dubbing's use cases: create (checks the languages and the media at once, stores the source, queues the pipeline on
 * {@link DubbingRuns}), list, get, delete, and a finished dub's audio or video and transcript per language. Every
 * refusal is an {@link ApiException}. Thread-safe.
 */
public final class DubbingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DubbingService.class);

    /** A finished dub's file: {@code audio/mpeg} or {@code video/mp4}. */
    /** A dub's stored media: {@code data} streams from the blob store (never whole in memory); the caller closes it. */
    public record Media(String contentType, InputStream data) {}

    private final DubbingRepository dubs;
    private final SegmentRepository parts;
    private final BlobStore blobs;
    private final DubbingChecks checks;
    private final DubbingRuns runs;
    private final Clock clock;

    private final DubbingResourceService resource;

    DubbingService(DubbingRepository dubs, SegmentRepository parts, BlobStore blobs, DubbingChecks checks, DubbingRuns runs, Clock clock,
                   DubbingResourceService resource) {
        this.resource = resource;
        this.dubs = dubs;
        this.parts = parts;
        this.blobs = blobs;
        this.checks = checks;
        this.runs = runs;
        this.clock = clock;
    }

    /** A manual dub's uploads, each null when not sent: the CSV transcript, the speech track, the background track. */
    public record Uploads(byte[] csv, byte[] foreground, byte[] background) {}

    /**
     * Checks the request, the media and the uploads (the CSV against the media's length, each track as media), stores
     * them all under {@code dubbing/{id}/} before the row exists, and queues the dub.
     */
    public DubbingModels.DoDubbingResponse create(DubbingRequest r, byte[] source, String filename, String uploadedType, Uploads uploads) {
        checks.languages(r.sourceLang(), r.targetLang(), uploads.csv() == null);
        DubbingChecks.Source media = checks.media(source, uploadedType, r.options());
        DubbingOptions o = r.options();
        if (uploads.csv() != null) {
            double start = o.startTime() == null ? 0 : o.startTime();
            List<DubbingCsv.Row> rows = DubbingCsv.parse(uploads.csv(), o.csvFps(), start, start + media.seconds());
            if (rows.stream().anyMatch(x -> x.translation() == null)) checks.translatable(r.sourceLang(), r.targetLang());
        }
        if (uploads.foreground() != null) checks.track(uploads.foreground(), "foreground_audio_file");
        if (uploads.background() != null) checks.track(uploads.background(), "background_audio_file");
        o = o.withUploads(uploads.csv() != null, uploads.foreground() != null, uploads.background() != null);
        String id = Ids.random(20);
        String key = DubbingStages.key(id, "source.bin");
        List<String> stored = new java.util.ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> e : Map.of("source.bin", source, DubbingStages.CSV, orEmpty(uploads.csv()),
                    DubbingStages.FOREGROUND, orEmpty(uploads.foreground()), DubbingStages.BACKGROUND, orEmpty(uploads.background())).entrySet()) {
                if (e.getValue().length == 0) continue;
                stored.add(DubbingStages.key(id, e.getKey()));
                blobs.put(DubbingStages.key(id, e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            DubbingPipeline.deleteAll(blobs, stored);
            throw new UncheckedIOException(e);
        }
        String name = r.name() != null && !r.name().isBlank() ? r.name().strip() : filename != null && !filename.isBlank() ? filename : "Dub " + id;
        Dubbing d = new Dubbing(id, name, Dubbing.DUBBING, null, DubbingPipeline.Stage.CREATED.key(), r.sourceLang(), List.of(r.targetLang()),
                Json.write(o), media.contentType(), media.video(), media.seconds(), key, 0, r.dubbingStudio(), 0, clock.millis());
        try {
            dubs.insert(d);
        } catch (RuntimeException e) {
            DubbingPipeline.deleteAll(blobs, stored);
            throw e;
        }
        try {
            runs.submit(id);
        } catch (DubbingRuns.Busy e) {
            dubs.delete(id);
            DubbingPipeline.deleteAll(blobs, stored);
            throw ApiException.busy("too_many_concurrent_requests", e.getMessage(), 30);
        }
        return new DubbingModels.DoDubbingResponse(id, DubbingChecks.expectedSeconds(media.seconds()));
    }

    private static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    /** Editing the dubs as ElevenLabs' dubbing resource ({@code /v1/dubbing/resource}). */
    public DubbingResourceService resource() {
        return resource;
    }

    public DubbingModels.Metadata get(String id) {
        return metadata(find(id));
    }

    /**
     * A page of dubs by creation time ({@code descending} unless {@code ascending}); {@code cursor} from the previous
     * page; {@code personalOnly} false with {@code othersOnly} true lists none (every dub here is the caller's).
     */
    public DubbingModels.Page list(String status, boolean ascending, boolean othersOnly, String cursor, int size) {
        if (othersOnly) return new DubbingModels.Page(List.of(), null, false);
        Long afterMs = null;
        String afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String c = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                int colon = c.indexOf(':');
                afterMs = Long.parseLong(c.substring(0, colon));
                afterId = c.substring(colon + 1);
            } catch (RuntimeException e) {
                throw ApiException.invalid("Invalid cursor", "value_error", "query", "cursor");
            }
        }
        DubbingRepository.Page page = dubs.page(status, ascending, afterMs, afterId, size);
        String next = null;
        if (page.hasMore() && !page.dubs().isEmpty()) {
            Dubbing last = page.dubs().get(page.dubs().size() - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdMs() + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new DubbingModels.Page(page.dubs().stream().map(DubbingService::metadata).toList(), next, page.hasMore());
    }

    /** Stops the dub's run, deletes its rows, then its blobs. */
    public void delete(String id) {
        Dubbing d = find(id);
        runs.cancel(id);
        List<String> segments = parts.segments(id).stream().map(SegmentRepository.Segment::segmentId).toList();
        List<String> keys = DubbingPipeline.keys(id, d.targetLangs(), segments);
        if (!dubs.delete(id)) throw notFound(id);
        DubbingPipeline.deleteAll(blobs, keys);
    }

    /** The dubbed video (for a video source) or audio of {@code language}; 425 until dubbed, 404 for another language. */
    public Media audio(String id, String language) {
        Dubbing d = ready(id, language);
        List<DubbingRepository.Render> renders = dubs.renders(id).stream().filter(r -> r.language().equals(d.targetLangs().stream()
                .filter(t -> t.equalsIgnoreCase(language)).findFirst().orElse("")))
                .filter(r -> r.mediaKey() != null).toList(); // while a render runs again, the last one it stored
        Optional<DubbingRepository.Render> pick = renders.stream().filter(r -> r.type().equals("mp4")).findFirst()
                .or(() -> renders.stream().filter(r -> r.type().equals("mp3")).findFirst());
        DubbingRepository.Render r = pick.orElseThrow(() -> noLanguage(language));
        try {
            InputStream data = blobs.open(r.mediaKey()).orElseThrow(() -> noLanguage(language));
            return new Media(r.type().equals("mp4") ? "video/mp4" : "audio/mpeg", data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The transcript of {@code language} (a target, or the source language) as SRT or WebVTT; censored per {@link Profanity}. */
    public String transcript(String id, String language, boolean webvtt) {
        Dubbing d = find(id);
        String lang = language.toLowerCase(java.util.Locale.ROOT);
        boolean source = lang.equals(d.sourceLang()) && !d.targetLangs().contains(lang);
        if (!source && !d.targetLangs().contains(lang)) throw ApiException.notFound("transcript_not_found", "No transcript was found for the dub in '" + language + "'.");
        if (!d.status().equals(Dubbing.DUBBED)) throw notReady(d);
        java.util.function.UnaryOperator<String> shown = Profanity.forDub(d);
        List<Subtitles.Cue> cues = source
                ? parts.segments(id).stream().map(s -> new Subtitles.Cue(s.start(), s.end(), shown.apply(s.text()))).toList()
                : parts.dubs(id, lang).stream().map(x -> new Subtitles.Cue(x.start(), Math.max(x.end(), x.start()), shown.apply(x.text()))).toList();
        return webvtt ? Subtitles.webvtt(cues) : Subtitles.srt(cues);
    }

    /** Queues every dub still {@code dubbing} (after a restart: those whose run was cut short); returns how many. */
    public int resumeRunning() {
        int n = 0;
        for (Dubbing d : dubs.running()) {
            try {
                runs.submit(d.id());
                n++;
            } catch (DubbingRuns.Busy e) {
                LOG.warn("dub {} not resumed now: {}", d.id(), e.getMessage());
            }
        }
        if (n > 0) LOG.info("resumed {} dubs", n);
        return n;
    }

    /** Whether {@code key} ({@code dubbing/{id}/…}) belongs to a stored dub; for the orphan sweep. */
    public boolean holdsBlob(String key) {
        String[] parts = key.split("/");
        return parts.length >= 3 && parts[0].equals("dubbing") && Ids.isSafe(parts[1]) && dubs.find(parts[1]).isPresent();
    }

    private Dubbing ready(String id, String language) {
        Dubbing d = find(id);
        if (d.targetLangs().stream().noneMatch(t -> t.equalsIgnoreCase(language))) throw noLanguage(language);
        if (!d.status().equals(Dubbing.DUBBED)) throw notReady(d);
        return d;
    }

    static ApiException notReady(Dubbing d) {
        if (d.status().equals(Dubbing.FAILED)) return ApiException.badRequest("dubbing_failed", "Dubbing failed: " + d.error());
        return new ApiException(425, "dubbing_not_dubbed", "Dubbing has not finished yet.");
    }

    private static ApiException noLanguage(String language) {
        return ApiException.notFound("dubbing_not_found", "There is no dubbing for language " + language + ".");
    }

    private Dubbing find(String id) {
        return dubs.find(id).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("dubbing_not_found", "Dubbing '" + id + "' not found.");
    }

    static DubbingModels.Metadata metadata(Dubbing d) {
        return new DubbingModels.Metadata(d.id(), d.name(), d.status(), d.targetLangs(), d.editable(), Instant.ofEpochMilli(d.createdMs()).toString(),
                new DubbingModels.MediaMetadata(d.contentType(), d.durationSec()), d.status().equals(Dubbing.FAILED) ? d.error() : null);
    }

    @Override
    public void close() {
        runs.close();
    }
}
