package dev.timbre.dubbing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code dubbings} and {@code dubbing_renders} (V28). Thread-safe (Jdbi). */
public final class DubbingRepository {
    private static final String COLUMNS = "dubbing_id, name, status, error, stage, source_lang, target_langs, options, content_type, "
            + "is_video, duration_sec, source_key, attempts, editable, version, created_ms";

    /** A rendered language; {@code type} {@code mp3} or {@code mp4}; {@code status} complete, processing or failed. */
    public record Render(String renderId, String language, String type, String mediaKey, String status, int version) {}

    /** One page of a listing: newest first (or oldest first), after {@code cursor}. */
    public record Page(List<Dubbing> dubs, boolean hasMore) {}

    private final Jdbi jdbi;

    public DubbingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Dubbing d) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO dubbings (" + COLUMNS + ") VALUES (:id, :name, :status, :error, :stage, :sourceLang, "
                        + ":targets, :options, :contentType, :isVideo, :durationSec, :sourceKey, :attempts, :editable, :version, :createdMs)")
                .bindMethods(d).bind("targets", String.join(",", d.targetLangs())).execute());
    }

    public Optional<Dubbing> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dubbings WHERE dubbing_id = :id").bind("id", id)
                .map((rs, ctx) -> dubbing(rs)).findOne());
    }

    /**
     * A page ordered by creation time ({@code ascending} or not), then id; {@code after} is the last dub of the previous
     * page (its created_ms and id), null for the first page; {@code status} null for any.
     */
    public Page page(String status, boolean ascending, Long afterMs, String afterId, int size) {
        String cmp = ascending ? ">" : "<", dir = ascending ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dubbings WHERE 1 = 1");
        if (status != null) sql.append(" AND status = :status");
        if (afterId != null) sql.append(" AND (created_ms ").append(cmp).append(" :afterMs OR (created_ms = :afterMs AND dubbing_id ")
                .append(cmp).append(" :afterId))");
        sql.append(" ORDER BY created_ms ").append(dir).append(", dubbing_id ").append(dir).append(" LIMIT :limit");
        List<Dubbing> rows = jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", size + 1);
            if (status != null) q.bind("status", status);
            if (afterId != null) q.bind("afterMs", afterMs.longValue()).bind("afterId", afterId);
            return q.map((rs, ctx) -> dubbing(rs)).list();
        });
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, more);
    }

    /** Dubs still running (after a restart: those to resume), oldest first. */
    public List<Dubbing> running() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM dubbings WHERE status = :s ORDER BY created_ms, dubbing_id")
                .bind("s", Dubbing.DUBBING).map((rs, ctx) -> dubbing(rs)).list());
    }

    /** How many dubs are still running (the bound on dubs waiting for the job threads). */
    public int countRunning() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dubbings WHERE status = :s").bind("s", Dubbing.DUBBING)
                .mapTo(Integer.class).one());
    }

    /** Counts a pipeline run before it starts; returns the new count, or -1 when the dub is gone or no longer running. */
    public int startAttempt(String id) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE dubbings SET attempts = attempts + 1 WHERE dubbing_id = :id AND status = :s")
                    .bind("id", id).bind("s", Dubbing.DUBBING).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT attempts FROM dubbings WHERE dubbing_id = :id").bind("id", id).mapTo(Integer.class).one();
        });
    }

    /** Records a finished stage (and the detected source language); false when the dub is gone. */
    public boolean stage(String id, String stage, String sourceLang) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE dubbings SET stage = :stage, source_lang = :lang WHERE dubbing_id = :id")
                .bind("stage", stage).bind("lang", sourceLang).bind("id", id).execute()) > 0;
    }

    public void finish(String id, String status, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbings SET status = :status, error = :error, version = version + 1 WHERE dubbing_id = :id")
                .bind("status", status).bind("error", error).bind("id", id).execute());
    }

    /** Marks the dub failed with {@code error} if it is still running (a given-up job); a finished one stays. */
    public void failIfRunning(String id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbings SET status = :failed, error = :error, version = version + 1 "
                        + "WHERE dubbing_id = :id AND status = :running")
                .bind("failed", Dubbing.FAILED).bind("error", error).bind("id", id).bind("running", Dubbing.DUBBING).execute());
    }

    /** Deletes the dub and every row of its parts; false when there was none. */
    public boolean delete(String id) {
        return jdbi.inTransaction(h -> {
            for (String t : List.of("dubbing_edits", "dubbing_renders", "dubbing_segment_dubs", "dubbing_segments", "dubbing_speakers")) {
                h.createUpdate("DELETE FROM " + t + " WHERE dubbing_id = :id").bind("id", id).execute();
            }
            return h.createUpdate("DELETE FROM dubbings WHERE dubbing_id = :id").bind("id", id).execute() > 0;
        });
    }

    public void putRender(String dubbingId, Render r) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM dubbing_renders WHERE dubbing_id = :d AND render_id = :r").bind("d", dubbingId).bind("r", r.renderId()).execute();
            h.createUpdate("INSERT INTO dubbing_renders (dubbing_id, render_id, language, render_type, media_key, status, version) "
                    + "VALUES (:d, :renderId, :language, :type, :mediaKey, :status, :version)").bind("d", dubbingId).bindMethods(r).execute();
        });
    }

    public List<Render> renders(String dubbingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT render_id, language, render_type, media_key, status, version FROM dubbing_renders "
                        + "WHERE dubbing_id = :d ORDER BY render_id").bind("d", dubbingId)
                .map((rs, ctx) -> new Render(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)))
                .list());
    }

    private static Dubbing dubbing(ResultSet rs) throws SQLException {
        String targets = rs.getString(7);
        return new Dubbing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                targets.isEmpty() ? List.of() : Arrays.asList(targets.split(",")), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getDouble(11), rs.getString(12), rs.getInt(13), rs.getBoolean(14), rs.getInt(15), rs.getLong(16));
    }
}
