-- Dubbing-resource edits run as durable jobs (POST /v1/dubbing/resource/{id}/transcribe|translate|dub): one row per
-- edit, keyed by the dub's version it answered. status: queued → processing → complete | failed; a dub's edits run
-- one at a time in version order. done/total count the edit's items (segment × language, or languages for a
-- translation); a run resumed after a restart skips the items done. segments, languages: the request's, as JSON lists.
CREATE TABLE dubbing_edits (
    dubbing_id  VARCHAR(64)   NOT NULL,
    version     INT           NOT NULL,
    operation   VARCHAR(16)   NOT NULL,
    segments    TEXT          NOT NULL,
    languages   TEXT          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    error       VARCHAR(1000),
    done        INT           NOT NULL,
    total       INT           NOT NULL,
    created_ms  BIGINT        NOT NULL,
    PRIMARY KEY (dubbing_id, version)
);
CREATE INDEX dubbing_edits_status ON dubbing_edits (status);
