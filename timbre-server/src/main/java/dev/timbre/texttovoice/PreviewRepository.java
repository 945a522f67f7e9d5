package dev.timbre.texttovoice;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for {@code voice_previews}: the previews of voice design and remix, kept until they expire. Thread-safe. */
final class PreviewRepository {
    /**
     * One kept preview: the engine voice and shape that speak it, the labels and description it was designed with,
     * and where its MP3 lives. Times are epoch seconds.
     */
    record StoredPreview(String generatedVoiceId, String provider, String engineVoiceId, VoiceShape shape, String language,
                         Map<String, String> labels, String description, String blobKey, long createdAt, long expiresAt) {}

    private static final String COLUMNS = "generated_voice_id, provider, engine_voice_id, shape, language, labels, description, "
            + "blob_key, created_at, expires_at";

    private static final RowMapper<StoredPreview> ROW = (rs, ctx) -> new StoredPreview(rs.getString("generated_voice_id"),
            rs.getString("provider"), rs.getString("engine_voice_id"), shape(rs.getString("shape")), rs.getString("language"),
            labels(rs.getString("labels")), rs.getString("description"), rs.getString("blob_key"), rs.getLong("created_at"),
            rs.getLong("expires_at"));

    private final Jdbi jdbi;

    PreviewRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(StoredPreview p) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO voice_previews (" + COLUMNS + ") VALUES (:generatedVoiceId, :provider, "
                        + ":engineVoiceId, :shape, :language, :labels, :description, :blobKey, :createdAt, :expiresAt)")
                .bind("generatedVoiceId", p.generatedVoiceId()).bind("provider", p.provider())
                .bind("engineVoiceId", p.engineVoiceId()).bind("language", p.language()).bind("description", p.description())
                .bind("blobKey", p.blobKey()).bind("createdAt", p.createdAt()).bind("expiresAt", p.expiresAt()).bind("shape", p.shape().neutral() ? null : Json.write(p.shape()))
                .bind("labels", Json.write(p.labels())).execute());
    }

    /** The preview unless it has expired by {@code now}. */
    Optional<StoredPreview> find(String generatedVoiceId, long now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM voice_previews WHERE generated_voice_id = :id "
                + "AND expires_at > :now").bind("id", generatedVoiceId).bind("now", now).map(ROW).findOne());
    }

    /** Previews expired by {@code now}, at most {@code limit}, oldest first. */
    List<StoredPreview> expired(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM voice_previews WHERE expires_at <= :now "
                + "ORDER BY expires_at LIMIT :limit").bind("now", now).bind("limit", limit).map(ROW).list());
    }

    void delete(String generatedVoiceId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM voice_previews WHERE generated_voice_id = :id")
                .bind("id", generatedVoiceId).execute());
    }

    /** Whether a preview row (expired or not) owns the blob {@code key}; for the orphan sweep. */
    boolean holdsBlob(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM voice_previews WHERE blob_key = :key")
                .bind("key", key).mapTo(Integer.class).one()) > 0;
    }

    private static VoiceShape shape(String json) {
        if (json == null) return VoiceShape.NEUTRAL;
        try {
            return Json.MAPPER.readValue(json, VoiceShape.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored preview shape is not readable: " + json, e);
        }
    }

    private static Map<String, String> labels(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
