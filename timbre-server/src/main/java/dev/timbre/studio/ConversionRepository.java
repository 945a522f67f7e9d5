package dev.timbre.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for what conversions produce: {@code studio_paragraph_audio} and {@code studio_snapshots}. Thread-safe. */
public final class ConversionRepository {
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
    private static final String SNAPSHOT_COLUMNS = "snapshot_id, project_id, chapter_id, name, created_at_ms, audio_key, "
            + "alignments_key, seconds, parts";

    private final Jdbi jdbi;

    public ConversionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One converted block: PCM s16le mono at {@code sampleRate} under {@code blobKey}; alignment JSON relative to its start. */
    record Paragraph(String chapterId, String fingerprint, String blobKey, int sampleRate, int characters, String alignment) {}

    /** A snapshot; {@code chapterId} null for a project snapshot, whose {@code parts} are its chapter snapshots. */
    record Snapshot(String snapshotId, String projectId, String chapterId, String name, long createdAtMs, String audioKey,
                    String alignmentsKey, double seconds, List<String> parts) {
        long createdAtUnix() {
            return createdAtMs / 1000;
        }
    }

    void addParagraph(Paragraph p, long nowUnix) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_paragraph_audio (chapter_id, fingerprint, blob_key, sample_rate, "
                        + "characters, alignment, created_at_unix) VALUES (:c, :f, :k, :r, :n, :a, :t)")
                .bind("c", p.chapterId()).bind("f", p.fingerprint()).bind("k", p.blobKey()).bind("r", p.sampleRate())
                .bind("n", p.characters()).bind("a", p.alignment()).bind("t", nowUnix).execute());
    }

    List<Paragraph> paragraphs(String chapterId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT chapter_id, fingerprint, blob_key, sample_rate, characters, alignment "
                        + "FROM studio_paragraph_audio WHERE chapter_id = :c")
                .bind("c", chapterId).map((rs, ctx) -> new Paragraph(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6))).list());
    }

    void deleteParagraph(String chapterId, String fingerprint) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM studio_paragraph_audio WHERE chapter_id = :c AND fingerprint = :f")
                .bind("c", chapterId).bind("f", fingerprint).execute());
    }

    void addSnapshot(Snapshot s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO studio_snapshots (" + SNAPSHOT_COLUMNS + ") VALUES (:id, :p, :c, :name, :t, "
                        + ":audio, :alignments, :seconds, :parts)")
                .bind("id", s.snapshotId()).bind("p", s.projectId()).bind("c", s.chapterId()).bind("name", s.name())
                .bind("t", s.createdAtMs()).bind("audio", s.audioKey()).bind("alignments", s.alignmentsKey())
                .bind("seconds", s.seconds()).bind("parts", s.parts() == null ? null : Json.write(s.parts())).execute());
    }

    /** A project's snapshots ({@code chapterId} null) or a chapter's, newest first. */
    List<Snapshot> snapshots(String projectId, String chapterId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SNAPSHOT_COLUMNS + " FROM studio_snapshots WHERE project_id = :p AND "
                        + (chapterId == null ? "chapter_id IS NULL" : "chapter_id = :c") + " ORDER BY created_at_ms DESC, snapshot_id")
                .bind("p", projectId).bind("c", chapterId).map((rs, ctx) -> snapshot(rs)).list());
    }

    /** Every snapshot of a project, chapters' too (to remove their blobs). */
    List<Snapshot> allSnapshots(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SNAPSHOT_COLUMNS + " FROM studio_snapshots WHERE project_id = :p")
                .bind("p", projectId).map((rs, ctx) -> snapshot(rs)).list());
    }

    Optional<Snapshot> snapshot(String projectId, String snapshotId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SNAPSHOT_COLUMNS + " FROM studio_snapshots WHERE project_id = :p AND snapshot_id = :s")
                .bind("p", projectId).bind("s", snapshotId).map((rs, ctx) -> snapshot(rs)).findOne());
    }

    void deleteChapterSnapshots(String chapterId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM studio_snapshots WHERE chapter_id = :c").bind("c", chapterId).execute());
    }

    /** Whether a row refers to {@code key} (the orphan-blob sweep). */
    boolean holds(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM studio_paragraph_audio WHERE blob_key = :k")
                .bind("k", key).mapTo(Integer.class).one() > 0
                || h.createQuery("SELECT COUNT(*) FROM studio_snapshots WHERE audio_key = :k OR alignments_key = :k")
                .bind("k", key).mapTo(Integer.class).one() > 0);
    }

    private static Snapshot snapshot(java.sql.ResultSet rs) throws java.sql.SQLException {
        String parts = rs.getString("parts");
        try {
            return new Snapshot(rs.getString("snapshot_id"), rs.getString("project_id"), rs.getString("chapter_id"), rs.getString("name"),
                    rs.getLong("created_at_ms"), rs.getString("audio_key"), rs.getString("alignments_key"), rs.getDouble("seconds"),
                    parts == null ? null : Json.MAPPER.readValue(parts, IDS));
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("stored snapshot parts are unreadable", e);
        }
    }
}
