-- Previews made by voice design and remix (POST /v1/text-to-voice/design, /{voice_id}/remix): each is an engine
-- voice plus a shape (JSON of dev.timbre.engine.VoiceShape; NULL: unchanged), kept until expires_at (epoch seconds) so
-- that POST /v1/text-to-voice can save it as a voice and GET /v1/text-to-voice/{id}/stream can play it. The audio
-- (MP3) lives in the blob store under blob_key.
CREATE TABLE voice_previews (
    generated_voice_id  VARCHAR(32)   PRIMARY KEY,
    provider            VARCHAR(64)   NOT NULL,
    engine_voice_id     VARCHAR(200)  NOT NULL,
    shape               VARCHAR(1000),
    language            VARCHAR(16)   NOT NULL,
    labels              VARCHAR(4000) NOT NULL,
    description         VARCHAR(1000) NOT NULL,
    blob_key            VARCHAR(512)  NOT NULL,
    created_at          BIGINT        NOT NULL,
    expires_at          BIGINT        NOT NULL
);
CREATE INDEX voice_previews_by_expiry ON voice_previews (expires_at);
