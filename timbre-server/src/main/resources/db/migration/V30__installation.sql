-- Facts every node of one database must agree on, by name. 'secret_key_fingerprint': the HMAC fingerprint of the key
-- that encrypts secrets (SecretCipher.fingerprint); a node with another key refuses to start.
CREATE TABLE installation_facts (
    fact_name   VARCHAR(64)  PRIMARY KEY,
    fact_value  VARCHAR(512) NOT NULL
);
