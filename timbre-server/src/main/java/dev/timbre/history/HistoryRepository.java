package dev.timbre.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** SQL for {@code history_items}. Items are ordered by {@code seq}, the insertion order; JSON fields are stored as text. */
public final class HistoryRepository {
    private static final String COLUMNS = "seq, history_item_id, request_id, voice_id, model_id, voice_name, voice_category, text, "
            + "date_unix, character_count_change_from, character_count_change_to, content_type, state, settings, feedback, "
            + "share_link_id, source, alignments, dialogue, output_format, audio_key";

    private final Jdbi jdbi;

    public HistoryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An item with where its audio is stored and its position in the listing order. */
    public record Stored(HistoryItem item, String audioKey, long seq) {}

    public void insert(HistoryItem i, String audioKey) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO history_items (history_item_id, request_id, voice_id, model_id, voice_name, "
                        + "voice_category, text, date_unix, character_count_change_from, character_count_change_to, content_type, state, "
                        + "settings, feedback, share_link_id, source, alignments, dialogue, output_format, audio_key) VALUES (:historyItemId, "
                        + ":requestId, :voiceId, :modelId, :voiceName, :voiceCategory, :text, :dateUnix, :characterCountChangeFrom, "
                        + ":characterCountChangeTo, :contentType, :state, :settingsJson, :feedbackJson, :shareLinkId, :source, "
                        + ":alignmentsJson, :dialogueJson, :outputFormat, :audioKey)")
                .bindMethods(i)
                .bind("settingsJson", json(i.settings())).bind("feedbackJson", json(i.feedback()))
                .bind("alignmentsJson", json(i.alignments())).bind("dialogueJson", json(i.dialogue()))
                .bind("audioKey", audioKey)
                .execute());
    }

    public Optional<Stored> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM history_items WHERE history_item_id = :id")
                .bind("id", id).map((rs, ctx) -> stored(rs)).findOne());
    }

    /** Up to {@code limit} items matching {@code q}, after the item at {@code afterSeq} (null: from the start). */
    public List<HistoryItem> list(HistoryQuery q, Long afterSeq, int limit) {
        List<String> where = new ArrayList<>();
        if (afterSeq != null) where.add(q.ascending() ? "seq > :afterSeq" : "seq < :afterSeq");
        if (q.voiceId() != null) where.add("voice_id = :voiceId");
        if (q.modelId() != null) where.add("model_id = :modelId");
        if (q.dateBeforeUnix() != null) where.add("date_unix < :dateBeforeUnix");
        if (q.dateAfterUnix() != null) where.add("date_unix >= :dateAfterUnix");
        if (q.source() != null) where.add("source = :source");
        if (q.search() != null) where.add("LOWER(text) LIKE :pattern ESCAPE '!'");
        String sql = "SELECT " + COLUMNS + " FROM history_items"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq " + (q.ascending() ? "ASC" : "DESC") + " LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", limit);
            if (afterSeq != null) query.bind("afterSeq", afterSeq);
            if (q.voiceId() != null) query.bind("voiceId", q.voiceId());
            if (q.modelId() != null) query.bind("modelId", q.modelId());
            if (q.dateBeforeUnix() != null) query.bind("dateBeforeUnix", q.dateBeforeUnix());
            if (q.dateAfterUnix() != null) query.bind("dateAfterUnix", q.dateAfterUnix());
            if (q.source() != null) query.bind("source", q.source());
            if (q.search() != null) query.bind("pattern", "%" + likeEscape(q.search().toLowerCase(Locale.ROOT)) + "%");
            return query.map((rs, ctx) -> stored(rs).item()).list();
        });
    }

    /** Deletes the row; true when it was there. */
    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM history_items WHERE history_item_id = :id").bind("id", id).execute()) > 0;
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        HistoryItem item = new HistoryItem(rs.getString("history_item_id"), rs.getString("request_id"), rs.getString("voice_id"),
                rs.getString("model_id"), rs.getString("voice_name"), rs.getString("voice_category"), rs.getString("text"),
                rs.getLong("date_unix"), rs.getLong("character_count_change_from"), rs.getLong("character_count_change_to"),
                rs.getString("content_type"), rs.getString("state"), node(rs.getString("settings")), node(rs.getString("feedback")),
                rs.getString("share_link_id"), rs.getString("source"), node(rs.getString("alignments")), node(rs.getString("dialogue")),
                rs.getString("output_format"));
        return new Stored(item, rs.getString("audio_key"), rs.getLong("seq"));
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private static JsonNode node(String text) {
        if (text == null) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed", e);
        }
    }
}
