-- Professional voice cloning (/v1/voices/pvc). A PVC voice is a row of voices (category 'professional') with its
-- samples in voice_samples; these tables hold what PVC adds. Rows go with their voice or sample (ON DELETE CASCADE).

-- One row per PVC voice: its language, the captcha text last handed out, and verification.
-- verification_attempts: JSON list of VerificationAttemptResponseModel; manual_verification: JSON of
-- ManualVerificationResponseModel, NULL until requested.
CREATE TABLE pvc_voices (
    voice_id               VARCHAR(32)    PRIMARY KEY REFERENCES voices (voice_id) ON DELETE CASCADE,
    language               VARCHAR(32)    NOT NULL,
    captcha_text           VARCHAR(1000),
    verified               BOOLEAN        NOT NULL,
    verification_attempts  VARCHAR(100000) NOT NULL,
    manual_verification    VARCHAR(100000)
);

-- Fine-tuning per voice and model: state not_started | queued | fine_tuning | fine_tuned | failed, progress 0..1,
-- attempts started (a job whose attempts all died with the process is failed instead of retried forever).
CREATE TABLE pvc_fine_tuning (
    voice_id    VARCHAR(32)      NOT NULL REFERENCES voices (voice_id) ON DELETE CASCADE,
    model_id    VARCHAR(100)     NOT NULL,
    state       VARCHAR(16)      NOT NULL,
    progress    DOUBLE PRECISION NOT NULL,
    message     VARCHAR(2000),
    attempts    INT              NOT NULL,
    updated_at  BIGINT           NOT NULL,
    PRIMARY KEY (voice_id, model_id)
);

-- Per PVC sample: speaker separation (status not_started | pending | completed | failed; speakers: JSON map
-- speaker_id -> {duration_secs, utterances, blob_key}), the speakers chosen for training and the trim in ms.
CREATE TABLE pvc_samples (
    sample_id             VARCHAR(32)     PRIMARY KEY REFERENCES voice_samples (sample_id) ON DELETE CASCADE,
    voice_id              VARCHAR(32)     NOT NULL,
    separation_status     VARCHAR(16)     NOT NULL,
    separation_attempts   INT             NOT NULL,
    speakers              VARCHAR(100000),
    selected_speaker_ids  VARCHAR(4000),
    trim_start_ms         INT,
    trim_end_ms           INT
);
CREATE INDEX pvc_samples_by_status ON pvc_samples (separation_status);
