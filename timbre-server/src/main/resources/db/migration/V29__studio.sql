-- Studio projects (issue 19): projects, their chapters (content as JSON blocks), what each paragraph (block) produced
-- when converted, and the snapshots conversions made. Deleting a project removes its rows (CASCADE); its blobs under
-- studio/{project_id}/ are removed by the service after the rows.
CREATE TABLE studio_projects (
    project_id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(1024) NOT NULL,
    create_date_unix BIGINT NOT NULL,
    default_title_voice_id VARCHAR(64) NOT NULL,
    default_paragraph_voice_id VARCHAR(64) NOT NULL,
    default_model_id VARCHAR(128) NOT NULL,
    quality_preset VARCHAR(32) NOT NULL,
    volume_normalization BOOLEAN NOT NULL,
    apply_text_normalization VARCHAR(32) NOT NULL,
    -- JSON ProjectDetails: title, author, description, genres, target_audience, language, … (as the API names them)
    details TEXT NOT NULL,
    -- JSON list of {pronunciation_dictionary_id, version_id}, versions resolved when set
    dictionary_locators TEXT NOT NULL,
    -- default | converting (a whole-project conversion is queued or running; resumed at start)
    state VARCHAR(32) NOT NULL,
    last_conversion_date_unix BIGINT,
    -- JSON AudioNativeSettings for Audio Native projects, NULL for the others
    audio_native TEXT
);

CREATE TABLE studio_chapters (
    chapter_id VARCHAR(64) PRIMARY KEY,
    project_id VARCHAR(64) NOT NULL REFERENCES studio_projects (project_id) ON DELETE CASCADE,
    position INT NOT NULL,
    name VARCHAR(1024) NOT NULL,
    -- JSON list of blocks: {block_id, sub_type, nodes: [{type, voice_id, text}]}
    content TEXT NOT NULL,
    -- default | converting (queued or running; resumed at start)
    state VARCHAR(32) NOT NULL,
    conversion_progress DOUBLE PRECISION,
    last_conversion_date_unix BIGINT,
    last_conversion_error TEXT
);
CREATE INDEX studio_chapters_project ON studio_chapters (project_id, position);

-- One converted block: its PCM (s16le mono at sample_rate) in the blob store and its character alignment, keyed by a
-- fingerprint of everything that decides the audio (voices, texts, model, dictionaries, normalisation), so that a
-- conversion that is resumed or repeated speaks only what changed.
CREATE TABLE studio_paragraph_audio (
    chapter_id VARCHAR(64) NOT NULL REFERENCES studio_chapters (chapter_id) ON DELETE CASCADE,
    fingerprint VARCHAR(64) NOT NULL,
    blob_key VARCHAR(512) NOT NULL,
    sample_rate INT NOT NULL,
    characters INT NOT NULL,
    alignment TEXT NOT NULL,
    created_at_unix BIGINT NOT NULL,
    PRIMARY KEY (chapter_id, fingerprint)
);

-- A chapter snapshot (chapter_id set) or a project snapshot (chapter_id NULL): encoded audio and its alignments as
-- blobs; parts lists a project snapshot's chapter snapshots (JSON ids, in order) for its archive.
CREATE TABLE studio_snapshots (
    snapshot_id VARCHAR(64) PRIMARY KEY,
    project_id VARCHAR(64) NOT NULL REFERENCES studio_projects (project_id) ON DELETE CASCADE,
    chapter_id VARCHAR(64),
    name VARCHAR(1024) NOT NULL,
    -- milliseconds, so that two snapshots of one second keep their order (the API shows seconds)
    created_at_ms BIGINT NOT NULL,
    audio_key VARCHAR(512) NOT NULL,
    alignments_key VARCHAR(512) NOT NULL,
    seconds DOUBLE PRECISION NOT NULL,
    parts TEXT
);
CREATE INDEX studio_snapshots_project ON studio_snapshots (project_id, chapter_id, created_at_ms);
