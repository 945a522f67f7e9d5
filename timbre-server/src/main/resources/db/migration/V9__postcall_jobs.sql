-- Work after an Agents Platform call, durable across restarts. kind 'analysis': analyse the conversation and save the
-- result (payload null); kind 'webhook': deliver payload (the whole signed-at-send JSON body of a post-call webhook).
-- state pending → done | failed; a pending job runs again at start-up, not before next_attempt_ms (unix ms).
CREATE TABLE post_call_jobs (
    job_id            VARCHAR(64)  PRIMARY KEY,
    kind              VARCHAR(16)  NOT NULL,
    conversation_id   VARCHAR(64)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    payload           TEXT,
    attempts          INT          NOT NULL DEFAULT 0,
    next_attempt_ms   BIGINT       NOT NULL,
    created_ms        BIGINT       NOT NULL,
    error             TEXT
);
CREATE INDEX post_call_jobs_state ON post_call_jobs (state, created_ms);

-- Delivery health per webhook URL, for ElevenLabs' auto-disable rule: 10 or more consecutive failed events and no
-- success in the last 7 days (or never) disable the webhook until the server is restarted.
CREATE TABLE post_call_webhook_health (
    url                   VARCHAR(2000) PRIMARY KEY,
    consecutive_failures  INT           NOT NULL,
    last_success_ms       BIGINT,
    disabled              BOOLEAN       NOT NULL
);
