package dev.timbre.dubbing;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for editing a dub through {@code /v1/dubbing/resource} (V28 tables): single segments and their per-language
 * dubs, target languages, and the dub's {@code version}, which each change increments. Thread-safe (Jdbi).
 */
final class ResourceRepository {
    private final Jdbi jdbi;

    ResourceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Increments the dub's version; returns the new one (-1 when the dub is gone). */
    int bump(String dubbingId) {
        return jdbi.inTransaction(h -> {
            if (h.createUpdate("UPDATE dubbings SET version = version + 1 WHERE dubbing_id = :d").bind("d", dubbingId).execute() == 0) return -1;
            return h.createQuery("SELECT version FROM dubbings WHERE dubbing_id = :d").bind("d", dubbingId).mapTo(Integer.class).one();
        });
    }

    Optional<SegmentRepository.Segment> segment(String dubbingId, String segmentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT segment_id, speaker_id, start_sec, end_sec, text FROM dubbing_segments "
                        + "WHERE dubbing_id = :d AND segment_id = :s").bind("d", dubbingId).bind("s", segmentId)
                .map((rs, ctx) -> new SegmentRepository.Segment(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)))
                .findOne());
    }

    /** Inserts a segment and its dubs (one per language, not spoken yet). */
    void insert(String dubbingId, SegmentRepository.Segment s, List<SegmentRepository.Dub> dubs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO dubbing_segments (dubbing_id, segment_id, speaker_id, start_sec, end_sec, text) "
                    + "VALUES (:d, :segmentId, :speakerId, :start, :end, :text)").bind("d", dubbingId).bindMethods(s).execute();
            for (SegmentRepository.Dub x : dubs) putDub(h, dubbingId, x);
        });
    }

    /** Sets a segment's source text and times; its dubs take the new start and become stale. */
    void updateSegment(String dubbingId, SegmentRepository.Segment s) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE dubbing_segments SET start_sec = :start, end_sec = :end, text = :text WHERE dubbing_id = :d AND segment_id = :segmentId")
                    .bind("d", dubbingId).bindMethods(s).execute();
            h.createUpdate("UPDATE dubbing_segment_dubs SET start_sec = :start, audio_stale = TRUE WHERE dubbing_id = :d AND segment_id = :s")
                    .bind("start", s.start()).bind("d", dubbingId).bind("s", s.segmentId()).execute();
        });
    }

    /** Replaces one dub row (translation text, times, audio, staleness). */
    void putDub(String dubbingId, SegmentRepository.Dub x) {
        jdbi.useTransaction(h -> putDub(h, dubbingId, x));
    }

    private static void putDub(org.jdbi.v3.core.Handle h, String dubbingId, SegmentRepository.Dub x) {
        h.createUpdate("DELETE FROM dubbing_segment_dubs WHERE dubbing_id = :d AND segment_id = :s AND language = :l")
                .bind("d", dubbingId).bind("s", x.segmentId()).bind("l", x.language()).execute();
        h.createUpdate("INSERT INTO dubbing_segment_dubs (dubbing_id, segment_id, language, start_sec, end_sec, text, audio_key, "
                + "audio_stale, overrun) VALUES (:d, :segmentId, :language, :start, :end, :text, :audioKey, :audioStale, :overrun)")
                .bind("d", dubbingId).bindMethods(x).execute();
    }

    /** Marks the dubs of {@code speakerId}'s segments in {@code language} stale (a new voice). */
    void staleSpeaker(String dubbingId, String speakerId, String language) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbing_segment_dubs SET audio_stale = TRUE WHERE dubbing_id = :d AND language = :l "
                        + "AND segment_id IN (SELECT segment_id FROM dubbing_segments WHERE dubbing_id = :d AND speaker_id = :s)")
                .bind("d", dubbingId).bind("l", language).bind("s", speakerId).execute());
    }

    /** Deletes a segment and its dubs; false when there was none. */
    boolean deleteSegment(String dubbingId, String segmentId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM dubbing_segment_dubs WHERE dubbing_id = :d AND segment_id = :s").bind("d", dubbingId).bind("s", segmentId).execute();
            return h.createUpdate("DELETE FROM dubbing_segments WHERE dubbing_id = :d AND segment_id = :s")
                    .bind("d", dubbingId).bind("s", segmentId).execute() > 0;
        });
    }

    /** Adds a target language with a dub row (untranslated, unspoken) per segment. */
    void addLanguage(String dubbingId, List<String> targets, List<SegmentRepository.Dub> dubs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE dubbings SET target_langs = :t WHERE dubbing_id = :d").bind("t", String.join(",", targets)).bind("d", dubbingId).execute();
            for (SegmentRepository.Dub x : dubs) putDub(h, dubbingId, x);
        });
    }

    /** Sets a render's status (and media; null keeps the one stored before) if it is still the same render version. */
    void renderDone(String dubbingId, String renderId, int version, String status, String mediaKey) {
        String media = mediaKey == null ? "" : ", media_key = :k";
        jdbi.useHandle(h -> {
            var u = h.createUpdate("UPDATE dubbing_renders SET status = :st" + media + " WHERE dubbing_id = :d AND render_id = :r AND version = :v")
                    .bind("st", status).bind("d", dubbingId).bind("r", renderId).bind("v", version);
            if (mediaKey != null) u.bind("k", mediaKey);
            u.execute();
        });
    }
}
