package dev.timbre.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code studio_projects} and {@code studio_chapters}. Thread-safe. */
public final class StudioRepository {
    private static final TypeReference<List<StudioViews.Locator>> LOCATORS = new TypeReference<>() {};
    private static final String PROJECT_COLUMNS = "project_id, name, create_date_unix, default_title_voice_id, "
            + "default_paragraph_voice_id, default_model_id, quality_preset, volume_normalization, apply_text_normalization, "
            + "details, dictionary_locators, state, last_conversion_date_unix, audio_native";
    private static final String CHAPTER_COLUMNS = "chapter_id, project_id, position, name, content, state, conversion_progress, "
            + "last_conversion_date_unix, last_conversion_error";

    private final Jdbi jdbi;

    public StudioRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored project; {@code audioNative} is the JSON of its player settings, null for a plain Studio project. */
    public record StoredProject(String projectId, String name, long createDateUnix, String defaultTitleVoiceId,
                         String defaultParagraphVoiceId, String defaultModelId, String qualityPreset, boolean volumeNormalization,
                         String applyTextNormalization, ProjectDetails details, List<StudioViews.Locator> locators, String state,
                         Long lastConversionDateUnix, String audioNative) {}

    record StoredChapter(String chapterId, String projectId, int position, String name, ChapterContent content, String state,
                         Double conversionProgress, Long lastConversionDateUnix, String lastConversionError) {}

    /** Inserts a project with its chapters, in one transaction. */
    void create(StoredProject p, List<StoredChapter> chapters) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO studio_projects (" + PROJECT_COLUMNS + ") VALUES (:id, :name, :created, :title, :paragraph, "
                            + ":model, :preset, :norm, :textNorm, :details, :locators, :state, :last, :native)")
                    .bind("id", p.projectId()).bind("name", p.name()).bind("created", p.createDateUnix())
                    .bind("title", p.defaultTitleVoiceId()).bind("paragraph", p.defaultParagraphVoiceId()).bind("model", p.defaultModelId())
                    .bind("preset", p.qualityPreset()).bind("norm", p.volumeNormalization()).bind("textNorm", p.applyTextNormalization())
                    .bind("details", Json.write(p.details())).bind("locators", Json.write(p.locators())).bind("state", p.state())
                    .bind("last", p.lastConversionDateUnix()).bind("native", p.audioNative()).execute();
            for (StoredChapter c : chapters) insertChapter(h, c);
        });
    }

    Optional<StoredProject> project(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PROJECT_COLUMNS + " FROM studio_projects WHERE project_id = :id")
                .bind("id", id).map((rs, ctx) -> project(rs)).findOne());
    }

    /** Projects, newest first; Audio Native projects too. */
    List<StoredProject> projects() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PROJECT_COLUMNS + " FROM studio_projects ORDER BY create_date_unix DESC, project_id")
                .map((rs, ctx) -> project(rs)).list());
    }

    /** Projects whose whole conversion was queued or running (to resume). */
    List<String> convertingProjects() {
        return jdbi.withHandle(h -> h.createQuery("SELECT project_id FROM studio_projects WHERE state = 'converting' ORDER BY create_date_unix")
                .mapTo(String.class).list());
    }

    void updateProject(StoredProject p) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE studio_projects SET name = :name, default_title_voice_id = :title, "
                        + "default_paragraph_voice_id = :paragraph, volume_normalization = :norm, details = :details, "
                        + "dictionary_locators = :locators, audio_native = :native WHERE project_id = :id")
                .bind("id", p.projectId()).bind("name", p.name()).bind("title", p.defaultTitleVoiceId())
                .bind("paragraph", p.defaultParagraphVoiceId()).bind("norm", p.volumeNormalization())
                .bind("details", Json.write(p.details())).bind("locators", Json.write(p.locators()))
                .bind("native", p.audioNative()).execute());
    }

    /** Sets the project's state; {@code converted} also stamps its last conversion. False when it no longer exists. */
    boolean projectState(String id, String state, Long converted) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE studio_projects SET state = :state"
                        + (converted != null ? ", last_conversion_date_unix = :at" : "") + " WHERE project_id = :id")
                .bind("id", id).bind("state", state).bind("at", converted).execute()) > 0;
    }

    boolean deleteProject(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM studio_projects WHERE project_id = :id").bind("id", id).execute()) > 0;
    }

    /** Replaces every chapter of a project (content update), in one transaction. */
    void replaceChapters(String projectId, List<StoredChapter> chapters) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM studio_chapters WHERE project_id = :p").bind("p", projectId).execute();
            for (StoredChapter c : chapters) insertChapter(h, c);
        });
    }

    void addChapter(StoredChapter c) {
        jdbi.useHandle(h -> insertChapter(h, c));
    }

    private static void insertChapter(org.jdbi.v3.core.Handle h, StoredChapter c) {
        h.createUpdate("INSERT INTO studio_chapters (" + CHAPTER_COLUMNS + ") VALUES (:id, :project, :position, :name, :content, "
                        + ":state, :progress, :last, :error)")
                .bind("id", c.chapterId()).bind("project", c.projectId()).bind("position", c.position()).bind("name", c.name())
                .bind("content", c.content().toJson()).bind("state", c.state()).bind("progress", c.conversionProgress())
                .bind("last", c.lastConversionDateUnix()).bind("error", c.lastConversionError()).execute();
    }

    List<StoredChapter> chapters(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHAPTER_COLUMNS + " FROM studio_chapters WHERE project_id = :p ORDER BY position, chapter_id")
                .bind("p", projectId).map((rs, ctx) -> chapter(rs)).list());
    }

    Optional<StoredChapter> chapter(String projectId, String chapterId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHAPTER_COLUMNS + " FROM studio_chapters WHERE project_id = :p AND chapter_id = :c")
                .bind("p", projectId).bind("c", chapterId).map((rs, ctx) -> chapter(rs)).findOne());
    }

    /** Chapters queued or converting on their own (their project is not converting as a whole), to resume. */
    List<StoredChapter> convertingChapters() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + CHAPTER_COLUMNS.replaceAll("(\\w+)", "c.$1") + " FROM studio_chapters c "
                        + "JOIN studio_projects p ON p.project_id = c.project_id WHERE c.state = 'converting' AND p.state <> 'converting' "
                        + "ORDER BY p.create_date_unix, c.position")
                .map((rs, ctx) -> chapter(rs)).list());
    }

    int nextPosition(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(position), -1) + 1 FROM studio_chapters WHERE project_id = :p")
                .bind("p", projectId).mapTo(Integer.class).one());
    }

    void updateChapter(String chapterId, String name, ChapterContent content) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE studio_chapters SET name = :name, content = :content WHERE chapter_id = :id")
                .bind("id", chapterId).bind("name", name).bind("content", content.toJson()).execute());
    }

    /** A chapter's conversion status; false when the chapter no longer exists. */
    boolean chapterState(String chapterId, String state, Double progress, Long converted, String error) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE studio_chapters SET state = :state, conversion_progress = :progress, "
                        + "last_conversion_error = :error" + (converted != null ? ", last_conversion_date_unix = :at" : "")
                        + " WHERE chapter_id = :id")
                .bind("id", chapterId).bind("state", state).bind("progress", progress).bind("error", error).bind("at", converted)
                .execute()) > 0;
    }

    boolean deleteChapter(String projectId, String chapterId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM studio_chapters WHERE project_id = :p AND chapter_id = :c")
                .bind("p", projectId).bind("c", chapterId).execute()) > 0;
    }

    private static StoredProject project(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_conversion_date_unix");
        Long lastConversion = rs.wasNull() ? null : last;
        try {
            return new StoredProject(rs.getString("project_id"), rs.getString("name"), rs.getLong("create_date_unix"),
                    rs.getString("default_title_voice_id"), rs.getString("default_paragraph_voice_id"), rs.getString("default_model_id"),
                    rs.getString("quality_preset"), rs.getBoolean("volume_normalization"), rs.getString("apply_text_normalization"),
                    Json.MAPPER.readValue(rs.getString("details"), ProjectDetails.class),
                    Json.MAPPER.readValue(rs.getString("dictionary_locators"), LOCATORS), rs.getString("state"), lastConversion,
                    rs.getString("audio_native"));
        } catch (java.io.IOException e) {
            throw new SQLException("stored project JSON is unreadable", e);
        }
    }

    private static StoredChapter chapter(ResultSet rs) throws SQLException {
        double progress = rs.getDouble("conversion_progress");
        Double p = rs.wasNull() ? null : progress;
        long last = rs.getLong("last_conversion_date_unix");
        Long lastConversion = rs.wasNull() ? null : last;
        return new StoredChapter(rs.getString("chapter_id"), rs.getString("project_id"), rs.getInt("position"), rs.getString("name"),
                ChapterContent.fromJson(rs.getString("content")), rs.getString("state"), p, lastConversion,
                rs.getString("last_conversion_error"));
    }
}
