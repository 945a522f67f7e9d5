package dev.timbre.dubbing;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.Json;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of {@code dubbing_edits} (V31): the dubbing-resource edits run as jobs ({@link JobDubbingEdits}), their status
 * and progress. Thread-safe (Jdbi).
 */
final class EditRepository {
    static final String QUEUED = "queued", PROCESSING = "processing", COMPLETE = "complete", FAILED = "failed";

    /** One edit: {@code version} is the dub's version its request answered. */
    record Edit(String dubbingId, int version, String operation, List<String> segments, List<String> languages, String status, String error,
                int done, int total) {
        boolean finished() { return status.equals(COMPLETE) || status.equals(FAILED); }
    }

    private final Jdbi jdbi;

    EditRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a new edit, {@code queued}. */
    void insert(String dubbingId, int version, String operation, List<String> segments, List<String> languages, int total, long nowMs) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO dubbing_edits (dubbing_id, version, operation, segments, languages, status, done, total, "
                        + "created_ms) VALUES (:d, :v, :o, :sg, :l, :s, 0, :t, :c)").bind("d", dubbingId).bind("v", version).bind("o", operation)
                .bind("sg", Json.write(segments)).bind("l", Json.write(languages)).bind("s", QUEUED).bind("t", total).bind("c", nowMs).execute());
    }

    Optional<Edit> find(String dubbingId, int version) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE dubbing_id = :d AND version = :v").bind("d", dubbingId).bind("v", version)
                .map((rs, ctx) -> edit(rs)).findOne());
    }

    /** The dub's first edit not finished (the one to run next), if any. */
    Optional<Edit> next(String dubbingId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE dubbing_id = :d AND status IN (:q, :p) ORDER BY version")
                .bind("d", dubbingId).bind("q", QUEUED).bind("p", PROCESSING).setMaxRows(1).map((rs, ctx) -> edit(rs)).findFirst());
    }

    /** The dub's latest {@code limit} edits, oldest first. */
    List<Edit> recent(String dubbingId, int limit) {
        List<Edit> newest = new java.util.ArrayList<>(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE dubbing_id = :d ORDER BY version DESC").bind("d", dubbingId)
                .setMaxRows(limit).map((rs, ctx) -> edit(rs)).list()));
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** The dub's edits not finished, oldest first. */
    List<Edit> unfinished(String dubbingId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE dubbing_id = :d AND status IN (:q, :p) ORDER BY version")
                .bind("d", dubbingId).bind("q", QUEUED).bind("p", PROCESSING).map((rs, ctx) -> edit(rs)).list());
    }

    /** Edits not finished on the whole server (the bound on queued edits). */
    int countUnfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dubbing_edits WHERE status IN (:q, :p)").bind("q", QUEUED)
                .bind("p", PROCESSING).mapTo(Integer.class).one());
    }

    /** Records progress (status {@code processing}); false when the edit is gone or finished (its dub deleted). */
    boolean progress(String dubbingId, int version, int done) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE dubbing_edits SET status = :p, done = :n WHERE dubbing_id = :d AND version = :v "
                        + "AND status IN (:q, :p)").bind("p", PROCESSING).bind("n", done).bind("d", dubbingId).bind("v", version).bind("q", QUEUED)
                .execute() > 0);
    }

    /** Marks the edit {@code complete} or {@code failed} (with {@code error}) unless it finished before. */
    void finish(String dubbingId, int version, String status, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbing_edits SET status = :s, error = :e WHERE dubbing_id = :d AND version = :v "
                        + "AND status IN (:q, :p)").bind("s", status).bind("e", error == null ? null : error.substring(0, Math.min(1000, error.length())))
                .bind("d", dubbingId).bind("v", version).bind("q", QUEUED).bind("p", PROCESSING).execute());
    }

    private static final String SELECT = "SELECT dubbing_id, version, operation, segments, languages, status, error, done, total FROM dubbing_edits";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static Edit edit(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Edit(rs.getString(1), rs.getInt(2), rs.getString(3), Json.MAPPER.readValue(rs.getString(4), STRINGS),
                    Json.MAPPER.readValue(rs.getString(5), STRINGS), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getInt(9));
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("dubbing_edits row of " + rs.getString(1) + " is not readable", e);
        }
    }
}
