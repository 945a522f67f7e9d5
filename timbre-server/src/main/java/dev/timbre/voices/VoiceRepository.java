package dev.timbre.voices;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for {@code voices}, {@code voice_samples} and {@code voice_settings}. Multi-row writes are one transaction. */
public final class VoiceRepository {
    private final Jdbi jdbi;

    public VoiceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A stored (user-created) voice; {@code provider}/{@code engineVoiceId} name the engine voice that speaks it, and
     * {@code shape} how it departs from that voice ({@link VoiceShape#NEUTRAL}: not at all).
     */
    public record StoredVoice(String voiceId, String name, String description, Map<String, String> labels, String category,
                              String provider, String engineVoiceId, long createdAtUnix, VoiceShape shape) {
        public StoredVoice {
            if (shape == null) shape = VoiceShape.NEUTRAL;
        }

        public StoredVoice(String voiceId, String name, String description, Map<String, String> labels, String category,
                           String provider, String engineVoiceId, long createdAtUnix) {
            this(voiceId, name, description, labels, category, provider, engineVoiceId, createdAtUnix, VoiceShape.NEUTRAL);
        }
    }

    public record StoredSample(String sampleId, String voiceId, String fileName, String mimeType, long sizeBytes, String hash,
                               Double durationSecs, boolean removeBackgroundNoise, String blobKey, long createdAt) {}

    private static final String VOICE_COLUMNS = "voice_id, name, description, labels, category, provider, engine_voice_id, created_at_unix, shape";
    private static final String SAMPLE_COLUMNS = "sample_id, voice_id, file_name, mime_type, size_bytes, hash, duration_secs, "
            + "remove_background_noise, blob_key, created_at";

    private static final RowMapper<StoredVoice> VOICE = (rs, ctx) -> new StoredVoice(rs.getString("voice_id"), rs.getString("name"),
            rs.getString("description"), labels(rs.getString("labels")), rs.getString("category"), rs.getString("provider"),
            rs.getString("engine_voice_id"), rs.getLong("created_at_unix"), shape(rs.getString("shape")));

    /** Stores a voice with its first samples. */
    public void insert(StoredVoice v, List<StoredSample> samples) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO voices (" + VOICE_COLUMNS + ") VALUES (:voiceId, :name, :description, :labels, :category, "
                            + ":provider, :engineVoiceId, :createdAtUnix, :shape)")
                    .bindMethods(v).bind("labels", Json.write(v.labels()))
                    .bind("shape", v.shape().neutral() ? null : Json.write(v.shape())).execute();
            insertSamples(h, samples);
        });
    }

    /** Replaces name, description and labels and adds samples; false when there is no such voice. */
    public boolean update(String voiceId, String name, String description, Map<String, String> labels, List<StoredSample> added) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE voices SET name = :name, description = :description, labels = :labels WHERE voice_id = :id")
                    .bind("id", voiceId).bind("name", name).bind("description", description).bind("labels", Json.write(labels)).execute();
            if (n == 0) return false;
            insertSamples(h, added);
            return true;
        });
    }

    /** Replaces the voice's engine voice and shape (a remix, a trained voice); false when there is no such voice. */
    public boolean reshape(String voiceId, String provider, String engineVoiceId, VoiceShape shape) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE voices SET provider = :provider, engine_voice_id = :engineVoiceId, "
                        + "shape = :shape WHERE voice_id = :id").bind("id", voiceId).bind("provider", provider)
                .bind("engineVoiceId", engineVoiceId).bind("shape", shape == null || shape.neutral() ? null : Json.write(shape))
                .execute()) > 0;
    }

    private static VoiceShape shape(String json) {
        if (json == null) return VoiceShape.NEUTRAL;
        try {
            return Json.MAPPER.readValue(json, VoiceShape.class);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("stored voice shape is not readable: " + json, e);
        }
    }

    private static void insertSamples(Handle h, List<StoredSample> samples) {
        for (StoredSample s : samples) {
            h.createUpdate("INSERT INTO voice_samples (" + SAMPLE_COLUMNS + ") VALUES (:sampleId, :voiceId, :fileName, :mimeType, "
                    + ":sizeBytes, :hash, :durationSecs, :removeBackgroundNoise, :blobKey, :createdAt)").bindMethods(s).execute();
        }
    }

    public Optional<StoredVoice> find(String voiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VOICE_COLUMNS + " FROM voices WHERE voice_id = :id")
                .bind("id", voiceId).map(VOICE).findOne());
    }

    /** Every stored voice, oldest first. */
    public List<StoredVoice> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VOICE_COLUMNS + " FROM voices ORDER BY created_at_unix, voice_id")
                .map(VOICE).list());
    }

    /** Samples of one voice in upload order. */
    public List<StoredSample> samples(String voiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM voice_samples WHERE voice_id = :id "
                + "ORDER BY created_at, sample_id").bind("id", voiceId).mapTo(StoredSample.class).list());
    }

    /** Every sample, grouped by voice id, each group in upload order. */
    public Map<String, List<StoredSample>> allSamples() {
        Map<String, List<StoredSample>> out = new LinkedHashMap<>();
        jdbi.withHandle(h -> h.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM voice_samples ORDER BY created_at, sample_id")
                .mapTo(StoredSample.class).list())
                .forEach(s -> out.computeIfAbsent(s.voiceId(), k -> new java.util.ArrayList<>()).add(s));
        return out;
    }

    public Optional<StoredSample> sample(String voiceId, String sampleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM voice_samples WHERE voice_id = :v AND sample_id = :s")
                .bind("v", voiceId).bind("s", sampleId).mapTo(StoredSample.class).findOne());
    }

    /** Deletes one sample row of a voice; the deleted row (its blob is the caller's), empty when there is none. */
    public Optional<StoredSample> deleteSample(String voiceId, String sampleId) {
        return jdbi.inTransaction(h -> {
            Optional<StoredSample> s = h.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM voice_samples WHERE voice_id = :v AND sample_id = :s")
                    .bind("v", voiceId).bind("s", sampleId).mapTo(StoredSample.class).findOne();
            s.ifPresent(x -> h.createUpdate("DELETE FROM voice_samples WHERE sample_id = :s").bind("s", sampleId).execute());
            return s;
        });
    }

    /** Deletes the voice, its samples and its settings; returns the deleted samples (their blobs are the caller's). */
    public Optional<List<StoredSample>> delete(String voiceId) {
        return jdbi.inTransaction(h -> {
            List<StoredSample> samples = h.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM voice_samples WHERE voice_id = :id")
                    .bind("id", voiceId).mapTo(StoredSample.class).list();
            h.createUpdate("DELETE FROM voice_samples WHERE voice_id = :id").bind("id", voiceId).execute();
            h.createUpdate("DELETE FROM voice_settings WHERE voice_id = :id").bind("id", voiceId).execute();
            int n = h.createUpdate("DELETE FROM voices WHERE voice_id = :id").bind("id", voiceId).execute();
            return n == 0 ? Optional.<List<StoredSample>>empty() : Optional.of(samples);
        });
    }

    public Optional<VoiceSettings> settings(String voiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT stability, use_speaker_boost, similarity_boost, style, speed "
                + "FROM voice_settings WHERE voice_id = :id").bind("id", voiceId).mapTo(VoiceSettings.class).findOne());
    }

    /** Stored settings of every voice that has any, by voice id. */
    public Map<String, VoiceSettings> allSettings() {
        Map<String, VoiceSettings> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT voice_id, stability, use_speaker_boost, similarity_boost, style, speed FROM voice_settings")
                .map((rs, ctx) -> Map.entry(rs.getString("voice_id"), new VoiceSettings(rs.getDouble("stability"),
                        rs.getBoolean("use_speaker_boost"), rs.getDouble("similarity_boost"), rs.getDouble("style"), rs.getDouble("speed"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Inserts or replaces the settings of a voice; {@code s} must be complete. */
    public void saveSettings(String voiceId, VoiceSettings s) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE voice_settings SET stability = :stability, use_speaker_boost = :useSpeakerBoost, "
                    + "similarity_boost = :similarityBoost, style = :style, speed = :speed WHERE voice_id = :id")
                    .bindMethods(s).bind("id", voiceId).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO voice_settings (voice_id, stability, use_speaker_boost, similarity_boost, style, speed) "
                        + "VALUES (:id, :stability, :useSpeakerBoost, :similarityBoost, :style, :speed)")
                        .bindMethods(s).bind("id", voiceId).execute();
            }
        });
    }

    private static Map<String, String> labels(String json) {
        try {
            return json == null ? Map.of() : Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
