package dev.timbre.dubbing;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for a dub's parts: {@code dubbing_speakers}, {@code dubbing_segments} and {@code dubbing_segment_dubs} (V28).
 * Each stage replaces its rows in one transaction, so a stage that ran again after a crash leaves no duplicates.
 * Thread-safe (Jdbi).
 */
public final class SegmentRepository {
    /** @param voices JSON object: language → {@link SpeakerVoices.Voice} */
    public record Speaker(String speakerId, String name, String voices) {
        /** The position of {@code speakerId} in {@code speakers} (its index decides its voice), or -1. */
        static int indexOf(List<Speaker> speakers, String speakerId) {
            for (int i = 0; i < speakers.size(); i++) if (speakers.get(i).speakerId().equals(speakerId)) return i;
            return -1;
        }
    }

    /** A stretch of one speaker's source speech; seconds from the start of the dubbed range. */
    public record Segment(String segmentId, String speakerId, double start, double end, String text) {}

    /** A segment in one language; {@code end} is where its fitted speech ends once spoken; audio null until spoken. */
    public record Dub(String segmentId, String language, double start, double end, String text, String audioKey, boolean audioStale,
                      boolean overrun) {}

    private final Jdbi jdbi;

    public SegmentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Replaces the dub's speakers and segments (the transcription stage's result). */
    public void replaceTranscript(String dubbingId, List<Speaker> speakers, List<Segment> segments) {
        jdbi.useTransaction(h -> {
            for (String t : List.of("dubbing_segment_dubs", "dubbing_segments", "dubbing_speakers")) {
                h.createUpdate("DELETE FROM " + t + " WHERE dubbing_id = :d").bind("d", dubbingId).execute();
            }
            for (Speaker s : speakers) {
                h.createUpdate("INSERT INTO dubbing_speakers (dubbing_id, speaker_id, name, voices) VALUES (:d, :speakerId, :name, :voices)")
                        .bind("d", dubbingId).bindMethods(s).execute();
            }
            for (Segment s : segments) {
                h.createUpdate("INSERT INTO dubbing_segments (dubbing_id, segment_id, speaker_id, start_sec, end_sec, text) "
                        + "VALUES (:d, :segmentId, :speakerId, :start, :end, :text)").bind("d", dubbingId).bindMethods(s).execute();
            }
        });
    }

    public List<Speaker> speakers(String dubbingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT speaker_id, name, voices FROM dubbing_speakers WHERE dubbing_id = :d ORDER BY speaker_id")
                .bind("d", dubbingId).map((rs, ctx) -> new Speaker(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public void setVoices(String dubbingId, String speakerId, String voices) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbing_speakers SET voices = :v WHERE dubbing_id = :d AND speaker_id = :s")
                .bind("v", voices).bind("d", dubbingId).bind("s", speakerId).execute());
    }

    /** The segments in time order. */
    public List<Segment> segments(String dubbingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT segment_id, speaker_id, start_sec, end_sec, text FROM dubbing_segments "
                        + "WHERE dubbing_id = :d ORDER BY start_sec, segment_id").bind("d", dubbingId)
                .map((rs, ctx) -> new Segment(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5))).list());
    }

    /** Replaces the dubs of {@code language} (the translation stage's result). */
    public void replaceDubs(String dubbingId, String language, List<Dub> dubs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM dubbing_segment_dubs WHERE dubbing_id = :d AND language = :l").bind("d", dubbingId).bind("l", language).execute();
            for (Dub x : dubs) {
                h.createUpdate("INSERT INTO dubbing_segment_dubs (dubbing_id, segment_id, language, start_sec, end_sec, text, audio_key, "
                        + "audio_stale, overrun) VALUES (:d, :segmentId, :language, :start, :end, :text, :audioKey, :audioStale, :overrun)")
                        .bind("d", dubbingId).bindMethods(x).execute();
            }
        });
    }

    /** Records a segment's spoken, fitted audio. */
    public void spoken(String dubbingId, String segmentId, String language, double end, String audioKey, boolean overrun) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dubbing_segment_dubs SET end_sec = :e, audio_key = :k, audio_stale = FALSE, overrun = :o "
                        + "WHERE dubbing_id = :d AND segment_id = :s AND language = :l")
                .bind("e", end).bind("k", audioKey).bind("o", overrun).bind("d", dubbingId).bind("s", segmentId).bind("l", language).execute());
    }

    /** The dubs of {@code language} in time order. */
    public List<Dub> dubs(String dubbingId, String language) {
        return jdbi.withHandle(h -> h.createQuery("SELECT segment_id, language, start_sec, end_sec, text, audio_key, audio_stale, overrun "
                        + "FROM dubbing_segment_dubs WHERE dubbing_id = :d AND language = :l ORDER BY start_sec, segment_id")
                .bind("d", dubbingId).bind("l", language)
                .map((rs, ctx) -> new Dub(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7), rs.getBoolean(8))).list());
    }
}
