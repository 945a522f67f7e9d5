-- API keys are stored as SHA-256 hashes (hex); the plain key is never kept in the database.
CREATE TABLE api_keys (
    id          VARCHAR(32)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL UNIQUE,
    key_hint    VARCHAR(16)  NOT NULL,
    is_admin    BOOLEAN      NOT NULL,
    created_at  BIGINT       NOT NULL
);
