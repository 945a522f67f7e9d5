package dev.timbre.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's chapters as use cases: list, get (with content), add (blank or from a URL), update (name, content),
 * delete (rows, then blobs), convert (queued on {@link StudioConversions}). Thread-safe.
 */
final class ChaptersService {
    private final StudioService projects;
    private final StudioRepository studio;
    private final ConversionRepository rows;
    private final StudioConversions conversions;
    private final BlobStore blobs;

    ChaptersService(StudioService projects, StudioRepository studio, ConversionRepository rows, StudioConversions conversions, BlobStore blobs) {
        this.projects = projects;
        this.studio = studio;
        this.rows = rows;
        this.conversions = conversions;
        this.blobs = blobs;
    }

    StudioViews.Chapters list(String projectId) {
        var p = projects.find(projectId);
        return new StudioViews.Chapters(studio.chapters(projectId).stream().map(c -> projects.views.chapter(p, c)).toList());
    }

    StudioViews.ChapterWithContent get(String projectId, String chapterId) {
        var p = projects.find(projectId);
        return projects.views.withContent(p, find(projectId, chapterId));
    }

    StudioViews.ChapterWithContent add(String projectId, String name, String url) {
        var p = projects.find(projectId);
        if (name == null || name.isBlank()) throw ApiException.invalid("Field required", "missing", "body", "name");
        ChapterContent content = ChapterContent.EMPTY;
        if (url != null && !url.isBlank()) {
            content = projects.sources().fromUrl(url, p.defaultTitleVoiceId(), p.defaultParagraphVoiceId(), name).stream()
                    .flatMap(d -> d.content().blocks().stream()).collect(java.util.stream.Collectors.collectingAndThen(
                            java.util.stream.Collectors.toList(), ChapterContent::new));
        }
        var c = new StudioRepository.StoredChapter(Ids.random(), projectId, studio.nextPosition(projectId), StudioService.truncate(name),
                content, "default", null, null, null);
        studio.addChapter(c);
        return projects.views.withContent(p, c);
    }

    /** {@code POST …/chapters/{id}}: a new name and/or content ({@code ChapterContentInputModel}). */
    StudioViews.ChapterWithContent update(String projectId, String chapterId, String name, JsonNode content) {
        var p = projects.find(projectId);
        var c = find(projectId, chapterId);
        ChapterContent newContent = c.content();
        if (content != null && !content.isNull()) {
            if (!content.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", "content");
            newContent = ChapterContent.fromInput(content.get("blocks"), p.defaultParagraphVoiceId(), "body", "content");
            projects.checkVoices(newContent);
        }
        String newName = name == null || name.isBlank() ? c.name() : StudioService.truncate(name);
        studio.updateChapter(chapterId, newName, newContent);
        return projects.views.withContent(p, find(projectId, chapterId));
    }

    void delete(String projectId, String chapterId) throws IOException {
        projects.find(projectId);
        find(projectId, chapterId);
        List<String> keys = new ArrayList<>();
        for (var para : rows.paragraphs(chapterId)) keys.add(para.blobKey());
        for (var s : rows.snapshots(projectId, chapterId)) {
            keys.add(s.audioKey());
            keys.add(s.alignmentsKey());
        }
        rows.deleteChapterSnapshots(chapterId);
        if (!studio.deleteChapter(projectId, chapterId)) throw notFound(chapterId);
        for (String k : keys) blobs.delete(k);
    }

    void convert(String projectId, String chapterId) {
        projects.find(projectId);
        var c = find(projectId, chapterId);
        studio.chapterState(chapterId, "converting", 0.0, null, null);
        try {
            conversions.submitChapter(projectId, chapterId);
        } catch (ApiException e) {
            studio.chapterState(chapterId, c.state(), c.conversionProgress(), null, c.lastConversionError());
            throw e;
        }
    }

    StudioRepository.StoredChapter find(String projectId, String chapterId) {
        return studio.chapter(projectId, chapterId).orElseThrow(() -> notFound(chapterId));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("chapter_not_found", "Chapter " + id + " was not found.");
    }
}
