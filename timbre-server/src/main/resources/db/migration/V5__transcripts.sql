-- Speech-to-text results and asynchronous (webhook) jobs. The response is the JSON body GET returns (a chunk or a
-- multichannel transcript), TEXT so that the same migration runs on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE transcripts (
    transcription_id  VARCHAR(64)  PRIMARY KEY,
    model_id          VARCHAR(64)  NOT NULL,
    created_unix      BIGINT       NOT NULL,
    response          TEXT         NOT NULL
);

-- A webhook=true request waiting to be transcribed and delivered. The upload lives in the BlobStore under audio_key
-- until the job is done or failed; pending jobs are resumed at start-up.
CREATE TABLE speech_to_text_jobs (
    transcription_id  VARCHAR(64)  PRIMARY KEY,
    request_id        VARCHAR(64)  NOT NULL,
    created_unix      BIGINT       NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    request           TEXT         NOT NULL,
    audio_key         VARCHAR(300) NOT NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    error             TEXT
);
CREATE INDEX speech_to_text_jobs_state ON speech_to_text_jobs (state, created_unix);
