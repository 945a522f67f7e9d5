package dev.timbre.studio;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * {@code /v1/studio/projects}: projects (create, list, get, update, delete, content, convert, pronunciation
 * dictionaries), their chapters (list, add, get, update, delete, convert) and snapshots (list, get, {@code /stream},
 * {@code /archive}).
 */
public final class StudioRoutes implements EndpointGroup {
    private final StudioService projects;
    private final ChaptersService chapters;
    private final SnapshotsService snapshots;
    private final long maxUploadBytes;

    StudioRoutes(StudioService projects, ChaptersService chapters, SnapshotsService snapshots, long maxUploadBytes) {
        this.projects = projects;
        this.chapters = chapters;
        this.snapshots = snapshots;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(new StudioViews.Projects(projects.list().stream().map(projects.views::project).toList())));
        post(ctx -> ctx.json(new StudioViews.ProjectEnvelope(projects.views.project(projects.create(
                ProjectForms.create(MultipartForm.read(ctx, maxUploadBytes)))))));
        get("/{project_id}", ctx -> ctx.json(projects.views.extended(projects.find(projectId(ctx)))));
        post("/{project_id}", this::update);
        delete("/{project_id}", ctx -> {
            projects.delete(projectId(ctx));
            ctx.json(StudioViews.Status.OK);
        });
        post("/{project_id}/content", ctx -> {
            String id = projectId(ctx);
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            ctx.json(new StudioViews.ProjectEnvelope(projects.views.project(projects.replaceContent(id, ProjectForms.opt(form, "from_url"),
                    ProjectForms.document(form, "from_document"), ProjectForms.opt(form, "from_content_json"), form.bool("auto_convert", false)))));
        });
        post("/{project_id}/convert", ctx -> {
            projects.convert(projectId(ctx));
            ctx.json(StudioViews.Status.OK);
        });
        post("/{project_id}/pronunciation-dictionaries", ctx -> {
            String id = projectId(ctx);
            JsonNode body = JsonBody.read(ctx, JsonNode.class);
            projects.dictionaries(id, ProjectForms.locators(body.get("pronunciation_dictionary_locators")));
            ctx.json(StudioViews.Status.OK);
        });
        get("/{project_id}/snapshots", ctx -> ctx.json(snapshots.projectSnapshots(projectId(ctx))));
        get("/{project_id}/snapshots/{project_snapshot_id}", ctx -> ctx.json(snapshots.projectSnapshot(projectId(ctx),
                id(ctx, "project_snapshot_id"))));
        post("/{project_id}/snapshots/{project_snapshot_id}/stream", ctx -> {
            String project = projectId(ctx), snapshot = id(ctx, "project_snapshot_id");
            convertToMpeg(ctx);
            ctx.contentType("audio/mpeg").result(snapshots.projectAudio(project, snapshot));
        });
        post("/{project_id}/snapshots/{project_snapshot_id}/archive", ctx -> {
            String project = projectId(ctx), snapshot = id(ctx, "project_snapshot_id");
            snapshots.projectSnapshot(project, snapshot); // 404 before any byte is written
            ctx.contentType("application/x-zip").header("Content-Disposition", "attachment; filename=\"" + snapshot + ".zip\"");
            snapshots.archive(project, snapshot, ctx.outputStream());
        });
        get("/{project_id}/chapters", ctx -> ctx.json(chapters.list(projectId(ctx))));
        post("/{project_id}/chapters", ctx -> {
            String id = projectId(ctx);
            JsonNode body = JsonBody.read(ctx, JsonNode.class);
            ctx.json(new StudioViews.ChapterEnvelope(chapters.add(id, text(body, "name"), text(body, "from_url"))));
        });
        get("/{project_id}/chapters/{chapter_id}", ctx -> ctx.json(chapters.get(projectId(ctx), chapterId(ctx))));
        post("/{project_id}/chapters/{chapter_id}", ctx -> {
            String project = projectId(ctx), chapter = chapterId(ctx);
            JsonNode body = ctx.body().isBlank() ? dev.timbre.http.Json.MAPPER.createObjectNode() : JsonBody.read(ctx, JsonNode.class);
            ctx.json(new StudioViews.ChapterEnvelope(chapters.update(project, chapter, text(body, "name"), body.get("content"))));
        });
        delete("/{project_id}/chapters/{chapter_id}", ctx -> {
            chapters.delete(projectId(ctx), chapterId(ctx));
            ctx.json(StudioViews.Status.OK);
        });
        post("/{project_id}/chapters/{chapter_id}/convert", ctx -> {
            chapters.convert(projectId(ctx), chapterId(ctx));
            ctx.json(StudioViews.Status.OK);
        });
        get("/{project_id}/chapters/{chapter_id}/snapshots", ctx -> ctx.json(snapshots.chapterSnapshots(projectId(ctx), chapterId(ctx))));
        get("/{project_id}/chapters/{chapter_id}/snapshots/{chapter_snapshot_id}", ctx -> ctx.json(snapshots.chapterSnapshot(
                projectId(ctx), chapterId(ctx), id(ctx, "chapter_snapshot_id"))));
        post("/{project_id}/chapters/{chapter_id}/snapshots/{chapter_snapshot_id}/stream", ctx -> {
            String project = projectId(ctx), chapter = chapterId(ctx), snapshot = id(ctx, "chapter_snapshot_id");
            convertToMpeg(ctx);
            ctx.contentType("audio/mpeg").result(snapshots.chapterAudio(project, chapter, snapshot));
        });
    }

    private void update(Context ctx) {
        String id = projectId(ctx);
        JsonNode body = JsonBody.read(ctx, JsonNode.class);
        String name = required(body, "name"), title = required(body, "default_title_voice_id"),
                paragraph = required(body, "default_paragraph_voice_id");
        JsonNode norm = body.get("volume_normalization");
        if (norm != null && !norm.isNull() && !norm.isBoolean()) {
            throw ApiException.invalid("Input should be a valid boolean", "bool_type", "body", "volume_normalization");
        }
        ctx.json(new StudioViews.ProjectEnvelope(projects.views.project(projects.update(id, name, title, paragraph, text(body, "title"),
                text(body, "author"), text(body, "isbn_number"), norm != null && norm.asBoolean(false)))));
    }

    /** The optional {@code convert_to_mpeg} body: snapshots are stored as MP3, so either way the answer is MP3. */
    private static void convertToMpeg(Context ctx) {
        if (ctx.body().isBlank()) return;
        JsonNode body = JsonBody.read(ctx, JsonNode.class);
        JsonNode v = body.get("convert_to_mpeg");
        if (v != null && !v.isNull() && !v.isBoolean()) throw ApiException.invalid("Input should be a valid boolean", "bool_type", "body", "convert_to_mpeg");
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", field);
        return v.asText();
    }

    private static String required(JsonNode body, String field) {
        String v = text(body, field);
        if (v == null || v.isBlank()) throw ApiException.invalid("Field required", "missing", "body", field);
        return v;
    }

    private static String projectId(Context ctx) {
        return Params.id(ctx, "project_id", "project_not_found", "Project");
    }

    private static String chapterId(Context ctx) {
        return Params.id(ctx, "chapter_id", "chapter_not_found", "Chapter");
    }

    private static String id(Context ctx, String name) {
        return Params.id(ctx, name, "snapshot_not_found", "Snapshot");
    }
}
