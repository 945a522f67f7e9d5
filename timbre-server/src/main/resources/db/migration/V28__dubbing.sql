-- Dubbing projects (POST /v1/dubbing) and the parts a dubbing resource is edited through. The pipeline stores each
-- stage's result (rows here, audio in the blob store under dubbing/{dubbing_id}/) and then records the stage in
-- dubbings.stage, so a restart resumes after the last finished stage. status: dubbing → dubbed | failed (error).
CREATE TABLE dubbings (
    dubbing_id     VARCHAR(64)      PRIMARY KEY,
    name           VARCHAR(1000)    NOT NULL,
    status         VARCHAR(16)      NOT NULL,
    error          TEXT,
    stage          VARCHAR(16)      NOT NULL,
    source_lang    VARCHAR(16)      NOT NULL,
    target_langs   VARCHAR(500)     NOT NULL,
    options        TEXT             NOT NULL,
    content_type   VARCHAR(100)     NOT NULL,
    is_video       BOOLEAN          NOT NULL,
    duration_sec   DOUBLE PRECISION NOT NULL,
    source_key     VARCHAR(512)     NOT NULL,
    attempts       INT              NOT NULL DEFAULT 0,
    editable       BOOLEAN          NOT NULL,
    version        INT              NOT NULL DEFAULT 0,
    created_ms     BIGINT           NOT NULL
);
CREATE INDEX dubbings_created ON dubbings (created_ms, dubbing_id);
CREATE INDEX dubbings_status ON dubbings (status, created_ms);

-- A speaker found in the source; voices: JSON object language → the voice that speaks this speaker's dub there.
CREATE TABLE dubbing_speakers (
    dubbing_id     VARCHAR(64)      NOT NULL,
    speaker_id     VARCHAR(64)      NOT NULL,
    name           VARCHAR(200)     NOT NULL,
    voices         TEXT             NOT NULL,
    PRIMARY KEY (dubbing_id, speaker_id)
);

-- A stretch of one speaker's source speech (seconds from the start of the dubbed range) and its transcript.
CREATE TABLE dubbing_segments (
    dubbing_id     VARCHAR(64)      NOT NULL,
    segment_id     VARCHAR(64)      NOT NULL,
    speaker_id     VARCHAR(64)      NOT NULL,
    start_sec      DOUBLE PRECISION NOT NULL,
    end_sec        DOUBLE PRECISION NOT NULL,
    text           TEXT             NOT NULL,
    PRIMARY KEY (dubbing_id, segment_id)
);

-- A segment in one target language: its translation, then its spoken and fitted audio (audio_key; end_sec is where
-- the fitted speech ends; overrun: it could not be fitted into its slot).
CREATE TABLE dubbing_segment_dubs (
    dubbing_id     VARCHAR(64)      NOT NULL,
    segment_id     VARCHAR(64)      NOT NULL,
    language       VARCHAR(16)      NOT NULL,
    start_sec      DOUBLE PRECISION NOT NULL,
    end_sec        DOUBLE PRECISION NOT NULL,
    text           TEXT,
    audio_key      VARCHAR(512),
    audio_stale    BOOLEAN          NOT NULL,
    overrun        BOOLEAN          NOT NULL,
    PRIMARY KEY (dubbing_id, segment_id, language)
);

-- A rendered language: the dubbed audio (mp3) or video (mp4) in the blob store.
CREATE TABLE dubbing_renders (
    dubbing_id     VARCHAR(64)      NOT NULL,
    render_id      VARCHAR(64)      NOT NULL,
    language       VARCHAR(16)      NOT NULL,
    render_type    VARCHAR(16)      NOT NULL,
    media_key      VARCHAR(512),
    status         VARCHAR(16)      NOT NULL,
    version        INT              NOT NULL,
    PRIMARY KEY (dubbing_id, render_id)
);
