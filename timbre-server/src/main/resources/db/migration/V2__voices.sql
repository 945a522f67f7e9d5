-- Voices the user created (instant clones). Premade voices come from the engines and are not stored here.
-- labels holds a JSON object of string values; provider + engine_voice_id name the engine voice that speaks.
CREATE TABLE voices (
    voice_id         VARCHAR(32)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000),
    labels           VARCHAR(4000) NOT NULL,
    category         VARCHAR(32)   NOT NULL,
    provider         VARCHAR(64)   NOT NULL,
    engine_voice_id  VARCHAR(200)  NOT NULL,
    created_at_unix  BIGINT        NOT NULL
);

-- Uploaded samples of a voice; the audio itself lives in the blob store under blob_key.
CREATE TABLE voice_samples (
    sample_id                VARCHAR(32)   PRIMARY KEY,
    voice_id                 VARCHAR(32)   NOT NULL REFERENCES voices (voice_id) ON DELETE CASCADE,
    file_name                VARCHAR(500)  NOT NULL,
    mime_type                VARCHAR(100)  NOT NULL,
    size_bytes               BIGINT        NOT NULL,
    hash                     VARCHAR(64)   NOT NULL,
    duration_secs            DOUBLE PRECISION,
    remove_background_noise  BOOLEAN       NOT NULL,
    blob_key                 VARCHAR(512)  NOT NULL,
    created_at               BIGINT        NOT NULL
);
CREATE INDEX voice_samples_by_voice ON voice_samples (voice_id, created_at);

-- Stored settings of any voice, premade or cloned (no foreign key: premade voices have no row in voices).
CREATE TABLE voice_settings (
    voice_id           VARCHAR(32)      PRIMARY KEY,
    stability          DOUBLE PRECISION NOT NULL,
    use_speaker_boost  BOOLEAN          NOT NULL,
    similarity_boost   DOUBLE PRECISION NOT NULL,
    style              DOUBLE PRECISION NOT NULL,
    speed              DOUBLE PRECISION NOT NULL
);
