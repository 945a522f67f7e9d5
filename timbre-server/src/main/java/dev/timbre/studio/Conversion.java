package dev.timbre.studio;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.speech.SpeechException;
import dev.timbre.storage.BlobSequence;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversion work itself, run by {@link StudioConversions}: a chapter block by block (a block already spoken with
 * the same fingerprint is reused, which is what makes a conversion resumable and a repeated one cheap), its progress in
 * {@code conversion_progress} after each block, then a chapter snapshot; a project chapter by chapter, then a project
 * snapshot (its chapters' files back to back: MP3 frames concatenate). A block the engine refuses fails its chapter
 * ({@code last_conversion_error}) and the project goes on with the next. A project or chapter deleted meanwhile ends
 * the work quietly. One chapter converts on one thread at a time. Thread-safe; blocking.
 */
final class Conversion {
    private static final Logger LOG = LoggerFactory.getLogger(Conversion.class);

    private final StudioRepository studio;
    private final ConversionRepository rows;
    private final BlockSpeech speech;
    private final BlobStore blobs;
    private final Clock clock;
    private final Map<String, Object> chapterLocks = new ConcurrentHashMap<>();

    Conversion(StudioRepository studio, ConversionRepository rows, BlockSpeech speech, BlobStore blobs, Clock clock) {
        this.studio = studio;
        this.rows = rows;
        this.speech = speech;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Converts every chapter of the project in order, then makes a project snapshot. */
    void project(String projectId) throws InterruptedException {
        var project = studio.project(projectId).orElse(null);
        if (project == null || !studio.projectState(projectId, "converting", null)) return;
        List<ConversionRepository.Snapshot> parts = new ArrayList<>();
        for (var chapter : studio.chapters(projectId)) {
            studio.chapterState(chapter.chapterId(), "converting", 0.0, null, null);
        }
        for (var chapter : studio.chapters(projectId)) {
            ConversionRepository.Snapshot s = chapter(projectId, chapter.chapterId());
            if (s != null) parts.add(s);
        }
        if (studio.project(projectId).isEmpty()) return;
        try {
            projectSnapshot(project, parts);
        } catch (IOException e) {
            LOG.warn("Studio project {}: its snapshot could not be stored", projectId, e);
        }
        studio.projectState(projectId, "default", clock.instant().getEpochSecond());
    }

    /** Converts one chapter and makes its snapshot; null when it failed or no longer exists. */
    ConversionRepository.Snapshot chapter(String projectId, String chapterId) throws InterruptedException {
        synchronized (chapterLocks.computeIfAbsent(chapterId, k -> new Object())) {
            try {
                return convert(projectId, chapterId);
            } catch (ApiException | SpeechException e) {
                fail(chapterId, e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Studio chapter {} of project {} failed", chapterId, projectId, e);
                fail(chapterId, "The conversion failed: " + e.getMessage());
            } finally {
                chapterLocks.remove(chapterId);
            }
            return null;
        }
    }

    private void fail(String chapterId, String why) {
        studio.chapterState(chapterId, "default", null, null, why);
    }

    private ConversionRepository.Snapshot convert(String projectId, String chapterId) throws InterruptedException, IOException {
        var project = studio.project(projectId).orElse(null);
        var chapter = studio.chapter(projectId, chapterId).orElse(null);
        if (project == null || chapter == null) return null;
        if (!studio.chapterState(chapterId, "converting", 0.0, null, null)) return null;
        Map<String, ConversionRepository.Paragraph> done = new HashMap<>();
        for (var p : rows.paragraphs(chapterId)) {
            if (blobs.exists(p.blobKey())) done.put(p.fingerprint(), p);
            else rows.deleteParagraph(chapterId, p.fingerprint()); // its audio is gone: speak it again
        }
        List<ChapterContent.Block> blocks = chapter.content().blocks().stream().filter(b -> !b.text().isBlank()).toList();
        List<SnapshotAudio.Part> parts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            ChapterContent.Block b = blocks.get(i);
            String fp = BlockSpeech.fingerprint(project, b);
            ConversionRepository.Paragraph p = done.get(fp);
            if (p == null) {
                p = speech.speak(project, chapterId, b);
                done.put(fp, p);
            }
            used.add(fp);
            parts.add(new SnapshotAudio.Part(b, p));
            if (!studio.chapterState(chapterId, "converting", (i + 1.0) / blocks.size() * 0.99, null, null)) return null;
        }
        SnapshotAudio.Encoded encoded = SnapshotAudio.encode(parts, project.qualityPreset(), project.volumeNormalization(), blobs);
        String id = Ids.random();
        var snapshot = store(project, chapterId, chapter.name(), id, key -> blobs.put(key, encoded.audio()), encoded.alignments(),
                encoded.seconds(), null);
        for (var p : done.values()) { // what the content no longer has
            if (used.contains(p.fingerprint())) continue;
            rows.deleteParagraph(chapterId, p.fingerprint());
            blobs.delete(p.blobKey());
        }
        if (snapshot != null) studio.chapterState(chapterId, "default", 1.0, clock.instant().getEpochSecond(), null);
        return snapshot;
    }

    /**
     * The project snapshot: its chapters' MP3 files back to back, streamed from the store into the new blob one chapter
     * at a time (never the whole project in memory); a chapter whose blobs are gone is left out.
     */
    private void projectSnapshot(StudioRepository.StoredProject project, List<ConversionRepository.Snapshot> chapters) throws IOException {
        List<ConversionRepository.Snapshot> kept = new ArrayList<>();
        List<dev.timbre.speech.CharacterAlignment> alignments = new ArrayList<>();
        double seconds = 0;
        for (var c : chapters) {
            byte[] json = blobs.get(c.alignmentsKey()).orElse(null);
            if (json == null || !blobs.exists(c.audioKey())) continue;
            kept.add(c);
            for (var a : Json.MAPPER.readValue(json, dev.timbre.speech.CharacterAlignment[].class)) alignments.add(a.shifted(seconds));
            seconds += c.seconds();
        }
        store(project, null, project.name(), Ids.random(), key -> {
            var audio = BlobSequence.open(blobs, kept.stream().map(ConversionRepository.Snapshot::audioKey).iterator(), false);
            try (InputStream in = audio.orElseGet(InputStream::nullInputStream)) {
                blobs.put(key, in);
            }
        }, alignments, seconds, chapters.stream().map(ConversionRepository.Snapshot::snapshotId).toList());
    }

    /** Writes a snapshot's MP3 under a key. */
    private interface AudioWriter {
        void write(String key) throws IOException;
    }

    /** Stores a snapshot's blobs, then its row (the blobs are removed if the row fails: its project was deleted). */
    private ConversionRepository.Snapshot store(StudioRepository.StoredProject project, String chapterId, String name, String id,
                                                AudioWriter audio, List<dev.timbre.speech.CharacterAlignment> alignments,
                                                double seconds, List<String> parts) throws IOException {
        String base = "studio/" + project.projectId() + "/snapshots/" + id;
        var snapshot = new ConversionRepository.Snapshot(id, project.projectId(), chapterId, name, clock.millis(),
                base + ".mp3", base + ".json", seconds, parts);
        audio.write(snapshot.audioKey());
        blobs.put(snapshot.alignmentsKey(), Json.MAPPER.writeValueAsBytes(alignments));
        try {
            rows.addSnapshot(snapshot);
            return snapshot;
        } catch (RuntimeException e) {
            blobs.delete(snapshot.audioKey());
            blobs.delete(snapshot.alignmentsKey());
            if (studio.project(project.projectId()).isPresent()) throw e;
            return null;
        }
    }
}
