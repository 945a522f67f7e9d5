package dev.timbre.voices.pvc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for {@code pvc_voices}, {@code pvc_fine_tuning} and {@code pvc_samples} (V18). JSON columns are written and read
 * through the API's mapper. Every method is one statement or one transaction; thread-safe.
 */
final class PvcRepository {
    static final String NOT_STARTED = "not_started", QUEUED = "queued", FINE_TUNING = "fine_tuning", FINE_TUNED = "fine_tuned",
            FAILED = "failed", PENDING = "pending", COMPLETED = "completed";

    private final Jdbi jdbi;

    PvcRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A PVC voice's own state. */
    record PvcVoice(String voiceId, String language, String captchaText, boolean verified,
                    List<PvcModels.VerificationAttempt> attempts, PvcModels.ManualVerification manual) {}

    /** Fine-tuning of one voice for one model; progress 0..1; attempts started so far. */
    record Training(String voiceId, String modelId, String state, double progress, String message, int attempts, long updatedAt) {}

    /** One separated speaker: where it speaks (seconds) and its audio's blob key. */
    record StoredSpeaker(double durationSecs, List<PvcModels.Utterance> utterances, String blobKey) {}

    /** Separation and training choices of one sample; trims in milliseconds. */
    record SampleState(String sampleId, String voiceId, String separationStatus, int separationAttempts,
                       Map<String, StoredSpeaker> speakers, List<String> selectedSpeakerIds, Integer trimStartMs, Integer trimEndMs) {}

    private static final RowMapper<PvcVoice> VOICE = (rs, ctx) -> new PvcVoice(rs.getString("voice_id"), rs.getString("language"),
            rs.getString("captcha_text"), rs.getBoolean("verified"),
            read(rs.getString("verification_attempts"), new TypeReference<List<PvcModels.VerificationAttempt>>() {}),
            read(rs.getString("manual_verification"), new TypeReference<PvcModels.ManualVerification>() {}));
    private static final RowMapper<Training> TRAINING = (rs, ctx) -> new Training(rs.getString("voice_id"), rs.getString("model_id"),
            rs.getString("state"), rs.getDouble("progress"), rs.getString("message"), rs.getInt("attempts"), rs.getLong("updated_at"));
    private static final RowMapper<SampleState> SAMPLE = (rs, ctx) -> new SampleState(rs.getString("sample_id"), rs.getString("voice_id"),
            rs.getString("separation_status"), rs.getInt("separation_attempts"),
            read(rs.getString("speakers"), new TypeReference<LinkedHashMap<String, StoredSpeaker>>() {}),
            read(rs.getString("selected_speaker_ids"), new TypeReference<List<String>>() {}),
            (Integer) rs.getObject("trim_start_ms", Integer.class), (Integer) rs.getObject("trim_end_ms", Integer.class));

    void insertVoice(String voiceId, String language) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO pvc_voices (voice_id, language, verified, verification_attempts) "
                + "VALUES (:v, :l, FALSE, '[]')").bind("v", voiceId).bind("l", language).execute());
    }

    Optional<PvcVoice> voice(String voiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_voices WHERE voice_id = :v").bind("v", voiceId).map(VOICE).findOne());
    }

    void language(String voiceId, String language) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_voices SET language = :l WHERE voice_id = :v").bind("v", voiceId).bind("l", language).execute());
    }

    void captcha(String voiceId, String text) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_voices SET captcha_text = :t WHERE voice_id = :v").bind("v", voiceId).bind("t", text).execute());
    }

    /** Appends a captcha attempt; an accepted one verifies the voice and uses up its captcha. */
    void attempt(String voiceId, PvcModels.VerificationAttempt attempt) {
        jdbi.useTransaction(h -> {
            PvcVoice v = h.createQuery("SELECT * FROM pvc_voices WHERE voice_id = :v FOR UPDATE").bind("v", voiceId).map(VOICE).one();
            List<PvcModels.VerificationAttempt> all = new java.util.ArrayList<>(v.attempts());
            all.add(attempt);
            h.createUpdate("UPDATE pvc_voices SET verification_attempts = :a, verified = :ok, captcha_text = :t WHERE voice_id = :v")
                    .bind("v", voiceId).bind("a", Json.write(all)).bind("ok", v.verified() || attempt.accepted())
                    .bind("t", attempt.accepted() ? null : v.captchaText()).execute();
        });
    }

    void manual(String voiceId, PvcModels.ManualVerification manual) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_voices SET manual_verification = :m WHERE voice_id = :v")
                .bind("v", voiceId).bind("m", Json.write(manual)).execute());
    }

    List<Training> trainings(String voiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_fine_tuning WHERE voice_id = :v ORDER BY model_id")
                .bind("v", voiceId).map(TRAINING).list());
    }

    Optional<Training> training(String voiceId, String modelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_fine_tuning WHERE voice_id = :v AND model_id = :m")
                .bind("v", voiceId).bind("m", modelId).map(TRAINING).findOne());
    }

    /** Queues training unless it is queued or running already; true when this call queued it. */
    boolean queue(String voiceId, String modelId, long now) {
        return jdbi.inTransaction(h -> {
            Optional<Training> t = h.createQuery("SELECT * FROM pvc_fine_tuning WHERE voice_id = :v AND model_id = :m FOR UPDATE")
                    .bind("v", voiceId).bind("m", modelId).map(TRAINING).findOne();
            if (t.isPresent() && (t.get().state().equals(QUEUED) || t.get().state().equals(FINE_TUNING))) return false;
            if (t.isPresent()) h.createUpdate("DELETE FROM pvc_fine_tuning WHERE voice_id = :v AND model_id = :m")
                    .bind("v", voiceId).bind("m", modelId).execute();
            h.createUpdate("INSERT INTO pvc_fine_tuning (voice_id, model_id, state, progress, message, attempts, updated_at) "
                    + "VALUES (:v, :m, :s, 0, :msg, 0, :now)").bind("v", voiceId).bind("m", modelId).bind("s", QUEUED)
                    .bind("msg", "Queued for fine-tuning.").bind("now", now).execute();
            return true;
        });
    }

    /** Counts a new attempt of a queued or running training and marks it fine_tuning; -1 when it is neither. */
    int startTraining(String voiceId, String modelId, long now) {
        return jdbi.inTransaction(h -> {
            Optional<Training> t = h.createQuery("SELECT * FROM pvc_fine_tuning WHERE voice_id = :v AND model_id = :m FOR UPDATE")
                    .bind("v", voiceId).bind("m", modelId).map(TRAINING).findOne();
            if (t.isEmpty() || !(t.get().state().equals(QUEUED) || t.get().state().equals(FINE_TUNING))) return -1;
            int attempt = t.get().attempts() + 1;
            h.createUpdate("UPDATE pvc_fine_tuning SET state = :s, attempts = :a, progress = 0, message = :msg, updated_at = :now "
                    + "WHERE voice_id = :v AND model_id = :m").bind("v", voiceId).bind("m", modelId).bind("s", FINE_TUNING)
                    .bind("a", attempt).bind("msg", "Fine-tuning.").bind("now", now).execute();
            return attempt;
        });
    }

    void progress(String voiceId, String modelId, String state, double progress, String message, long now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_fine_tuning SET state = :s, progress = :p, message = :msg, updated_at = :now "
                + "WHERE voice_id = :v AND model_id = :m").bind("v", voiceId).bind("m", modelId).bind("s", state).bind("p", progress)
                .bind("msg", message).bind("now", now).execute());
    }

    /** Trainings queued or running (after a restart: interrupted), oldest first. */
    List<Training> pendingTrainings() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_fine_tuning WHERE state IN ('queued', 'fine_tuning') "
                + "ORDER BY updated_at").map(TRAINING).list());
    }

    void insertSample(String sampleId, String voiceId) {
        jdbi.useHandle(h -> insertSample(h, sampleId, voiceId));
    }

    private static void insertSample(Handle h, String sampleId, String voiceId) {
        h.createUpdate("INSERT INTO pvc_samples (sample_id, voice_id, separation_status, separation_attempts) VALUES (:s, :v, :st, 0)")
                .bind("s", sampleId).bind("v", voiceId).bind("st", NOT_STARTED).execute();
    }

    /** The sample's PVC state; a sample without a row (added through {@code /v1/voices/{id}/edit}) gets one. */
    SampleState sample(String sampleId, String voiceId) {
        return jdbi.inTransaction(h -> {
            Optional<SampleState> s = h.createQuery("SELECT * FROM pvc_samples WHERE sample_id = :s").bind("s", sampleId).map(SAMPLE).findOne();
            if (s.isPresent()) return s.get();
            insertSample(h, sampleId, voiceId);
            return h.createQuery("SELECT * FROM pvc_samples WHERE sample_id = :s").bind("s", sampleId).map(SAMPLE).one();
        });
    }

    Optional<SampleState> findSample(String sampleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_samples WHERE sample_id = :s").bind("s", sampleId).map(SAMPLE).findOne());
    }

    /** Marks separation pending (a fresh start: attempts reset); false when it is pending already. */
    boolean queueSeparation(String sampleId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE pvc_samples SET separation_status = :p, separation_attempts = 0 "
                + "WHERE sample_id = :s AND separation_status <> :p").bind("s", sampleId).bind("p", PENDING).execute()) > 0;
    }

    /** Counts a separation attempt of a pending sample; -1 when it is not pending. */
    int startSeparation(String sampleId) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE pvc_samples SET separation_attempts = separation_attempts + 1 WHERE sample_id = :s "
                    + "AND separation_status = :p").bind("s", sampleId).bind("p", PENDING).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT separation_attempts FROM pvc_samples WHERE sample_id = :s").bind("s", sampleId).mapTo(Integer.class).one();
        });
    }

    void finishSeparation(String sampleId, String status, Map<String, StoredSpeaker> speakers) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_samples SET separation_status = :st, speakers = :sp, selected_speaker_ids = NULL "
                + "WHERE sample_id = :s").bind("s", sampleId).bind("st", status).bind("sp", speakers == null ? null : Json.write(speakers)).execute());
    }

    List<SampleState> pendingSeparations() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM pvc_samples WHERE separation_status = :p").bind("p", PENDING).map(SAMPLE).list());
    }

    void choose(String sampleId, List<String> selected, Integer trimStartMs, Integer trimEndMs) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE pvc_samples SET selected_speaker_ids = :sel, trim_start_ms = :a, trim_end_ms = :b "
                + "WHERE sample_id = :s").bind("s", sampleId).bind("sel", selected == null ? null : Json.write(selected))
                .bind("a", trimStartMs).bind("b", trimEndMs).execute());
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) return null;
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable PVC column: " + json, e);
        }
    }
}
