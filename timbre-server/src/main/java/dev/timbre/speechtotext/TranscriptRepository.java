package dev.timbre.speechtotext;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code transcripts} and {@code speech_to_text_jobs}. */
public final class TranscriptRepository {
    public static final String PENDING = "pending", DONE = "done", FAILED = "failed";

    private final Jdbi jdbi;

    public TranscriptRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored transcript: the JSON body that GET returns. */
    public record Stored(String transcriptionId, String modelId, long createdUnix, String response) {}

    /** An asynchronous request; {@code request} is a {@link TranscriptionRequest} as JSON. */
    public record Job(String transcriptionId, String requestId, long createdUnix, String state, String request, String audioKey,
                      int attempts, String error) {}

    public void insert(Stored t) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO transcripts (transcription_id, model_id, created_unix, response) "
                        + "VALUES (:transcriptionId, :modelId, :createdUnix, :response)")
                .bindMethods(t).execute());
    }

    public Optional<Stored> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT transcription_id, model_id, created_unix, response FROM transcripts WHERE transcription_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .findOne());
    }

    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM transcripts WHERE transcription_id = :id").bind("id", id).execute()) > 0;
    }

    public void insertJob(Job j) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO speech_to_text_jobs (transcription_id, request_id, created_unix, state, request, "
                        + "audio_key, attempts, error) VALUES (:transcriptionId, :requestId, :createdUnix, :state, :request, :audioKey, :attempts, :error)")
                .bindMethods(j).execute());
    }

    public Optional<Job> findJob(String id) {
        return jdbi.withHandle(h -> h.createQuery(JOB_SELECT + " WHERE transcription_id = :id").bind("id", id)
                .map((rs, ctx) -> job(rs)).findOne());
    }

    /** Pending jobs, oldest first. */
    public List<Job> pendingJobs() {
        return jdbi.withHandle(h -> h.createQuery(JOB_SELECT + " WHERE state = :state ORDER BY created_unix, transcription_id")
                .bind("state", PENDING).map((rs, ctx) -> job(rs)).list());
    }

    /**
     * Counts one more attempt at a pending job, stored before the work starts so that an attempt the process never
     * finished (a crash, a kill, a hang) still counts; returns the new count, or -1 when the job is not pending.
     */
    public int startAttempt(String id) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE speech_to_text_jobs SET attempts = attempts + 1 WHERE transcription_id = :id AND state = :state")
                    .bind("id", id).bind("state", PENDING).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT attempts FROM speech_to_text_jobs WHERE transcription_id = :id").bind("id", id).mapTo(Integer.class).one();
        });
    }

    public void finishJob(String id, String state, int attempts, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE speech_to_text_jobs SET state = :state, attempts = :attempts, error = :error WHERE transcription_id = :id")
                .bind("state", state).bind("attempts", attempts).bind("error", error).bind("id", id).execute());
    }

    private static final String JOB_SELECT = "SELECT transcription_id, request_id, created_unix, state, request, audio_key, attempts, error FROM speech_to_text_jobs";

    private static Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8));
    }
}
