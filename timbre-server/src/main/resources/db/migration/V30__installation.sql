-- Facts every node of one database must agree on, by name. 'secret_key_fingerprint': the HMAC fingerprint of the key
-- that encrypts secrets (SecretCipher.fingerprint); a node with another key refuses to start.
CREATE TABLE installation_facts (
    fact_name   VARCHAR(64)  PRIMARY KEY,
    fact_value  VARCHAR(512) NOT NULL
);

-- The nodes of a cluster (one row per running process): a node beats every 10 s; one silent for 45 s is gone, and the
-- conversations it held (conversations.node_id) are marked failed by whichever node notices.
CREATE TABLE cluster_nodes (
    node_id       VARCHAR(64)  PRIMARY KEY,
    started_ms    BIGINT       NOT NULL,
    heartbeat_ms  BIGINT       NOT NULL
);
ALTER TABLE conversations ADD COLUMN node_id VARCHAR(64);
