-- Single-use grants (signed URLs and conversation tokens that name a conversation id) already spent, kept until the
-- grant expires (epoch seconds) so that one cannot be replayed after a restart. Expired rows are deleted on use.
CREATE TABLE used_conversation_grants (
    conversation_id  VARCHAR(64)  PRIMARY KEY,
    expires_unix     BIGINT       NOT NULL
);
CREATE INDEX used_conversation_grants_expiry ON used_conversation_grants (expires_unix);
