-- The character usage of this single-workspace installation: one row, id 'workspace'. The server sets
-- character_limit from its configuration at start; next_reset_unix 0 means "not yet scheduled".
CREATE TABLE workspace_usage (
    id               VARCHAR(32) PRIMARY KEY,
    character_count  BIGINT      NOT NULL,
    character_limit  BIGINT      NOT NULL,
    next_reset_unix  BIGINT      NOT NULL,
    created_at       BIGINT      NOT NULL
);
INSERT INTO workspace_usage (id, character_count, character_limit, next_reset_unix, created_at)
VALUES ('workspace', 0, 10000000, 0, 0);
