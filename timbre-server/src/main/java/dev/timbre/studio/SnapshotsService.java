package dev.timbre.studio;

import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Project and chapter snapshots: list, get (with the blocks' alignments), the audio, and a project snapshot's archive
 * (a zip of its chapters' MP3 files, numbered in order). Thread-safe; blocking (blob reads).
 */
final class SnapshotsService {
    private final StudioService projects;
    private final ChaptersService chapters;
    private final ConversionRepository rows;
    private final BlobStore blobs;

    SnapshotsService(StudioService projects, ChaptersService chapters, ConversionRepository rows, BlobStore blobs) {
        this.projects = projects;
        this.chapters = chapters;
        this.rows = rows;
        this.blobs = blobs;
    }

    StudioViews.ProjectSnapshots projectSnapshots(String projectId) {
        projects.find(projectId);
        return new StudioViews.ProjectSnapshots(rows.snapshots(projectId, null).stream().map(s ->
                new StudioViews.ProjectSnapshot(s.snapshotId(), projectId, s.createdAtUnix(), s.name(), null, null)).toList());
    }

    StudioViews.ProjectSnapshotExtended projectSnapshot(String projectId, String snapshotId) throws IOException {
        var s = projectSnapshotRow(projectId, snapshotId);
        return new StudioViews.ProjectSnapshotExtended(s.snapshotId(), projectId, s.createdAtUnix(), s.name(), null, null, alignments(s),
                s.seconds());
    }

    StudioViews.ChapterSnapshots chapterSnapshots(String projectId, String chapterId) {
        projects.find(projectId);
        chapters.find(projectId, chapterId);
        return new StudioViews.ChapterSnapshots(rows.snapshots(projectId, chapterId).stream().map(s ->
                new StudioViews.ChapterSnapshot(s.snapshotId(), projectId, chapterId, s.createdAtUnix(), s.name())).toList());
    }

    StudioViews.ChapterSnapshotExtended chapterSnapshot(String projectId, String chapterId, String snapshotId) throws IOException {
        var s = chapterSnapshotRow(projectId, chapterId, snapshotId);
        return new StudioViews.ChapterSnapshotExtended(s.snapshotId(), projectId, chapterId, s.createdAtUnix(), s.name(), alignments(s));
    }

    /** A snapshot's MP3; the caller closes the stream. */
    InputStream projectAudio(String projectId, String snapshotId) throws IOException {
        return open(projectSnapshotRow(projectId, snapshotId).audioKey());
    }

    InputStream chapterAudio(String projectId, String chapterId, String snapshotId) throws IOException {
        return open(chapterSnapshotRow(projectId, chapterId, snapshotId).audioKey());
    }

    /** Writes a project snapshot's archive to {@code out}: {@code 01 - name.mp3} per chapter snapshot still stored. */
    void archive(String projectId, String snapshotId, OutputStream out) throws IOException {
        var s = projectSnapshotRow(projectId, snapshotId);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            int n = 0;
            for (String part : s.parts() == null ? List.<String>of() : s.parts()) {
                var chapter = rows.snapshot(projectId, part).orElse(null);
                if (chapter == null) continue;
                var audio = blobs.open(chapter.audioKey());
                if (audio.isEmpty()) continue;
                zip.putNextEntry(new ZipEntry(String.format("%02d - %s.mp3", ++n, fileName(chapter.name()))));
                try (InputStream in = audio.get()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9 ._-]", "_").strip();
        return s.isEmpty() ? "chapter" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    private ConversionRepository.Snapshot projectSnapshotRow(String projectId, String snapshotId) {
        projects.find(projectId);
        return rows.snapshot(projectId, snapshotId).filter(s -> s.chapterId() == null).orElseThrow(() -> notFound(snapshotId));
    }

    private ConversionRepository.Snapshot chapterSnapshotRow(String projectId, String chapterId, String snapshotId) {
        projects.find(projectId);
        chapters.find(projectId, chapterId);
        return rows.snapshot(projectId, snapshotId).filter(s -> chapterId.equals(s.chapterId())).orElseThrow(() -> notFound(snapshotId));
    }

    private List<CharacterAlignment> alignments(ConversionRepository.Snapshot s) throws IOException {
        byte[] json = blobs.get(s.alignmentsKey()).orElseThrow(() -> notFound(s.snapshotId()));
        return List.of(Json.MAPPER.readValue(json, CharacterAlignment[].class));
    }

    private InputStream open(String key) throws IOException {
        return blobs.open(key).orElseThrow(() -> ApiException.notFound("snapshot_not_found", "The snapshot's audio is gone."));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("snapshot_not_found", "Snapshot " + id + " was not found.");
    }
}
