-- Twilio outbound calls Timbre placed and not yet finished, shared by a cluster's nodes: Twilio's Media Stream and its
-- status callback may reach any node. state placed|streaming|finished (outcome completed|no_answer|busy|failed and a
-- reason once finished). node_id: the node that placed the call and waits for its outcome; it deletes the row once it
-- noticed. initiation: the call's conversation_initiation_client_data (JSON as TEXT, as in V25).
CREATE TABLE twilio_pending_calls (
    conversation_id  VARCHAR(64)   PRIMARY KEY,
    call_sid         VARCHAR(64),
    agent_id         VARCHAR(64)   NOT NULL,
    phone_number_id  VARCHAR(64)   NOT NULL,
    initiation       TEXT          NOT NULL,
    placed_ms        BIGINT        NOT NULL,
    node_id          VARCHAR(64)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    outcome          VARCHAR(16),
    reason           VARCHAR(2000)
);
CREATE INDEX twilio_pending_calls_node ON twilio_pending_calls (node_id, state);
CREATE INDEX twilio_pending_calls_placed ON twilio_pending_calls (placed_ms);

-- The node whose batch dispatcher claimed the recipient's current call (null before V33): only that node, or a node
-- that notices it is gone (cluster_nodes), fails the call as interrupted.
ALTER TABLE convai_batch_call_recipients ADD COLUMN node_id VARCHAR(64);
