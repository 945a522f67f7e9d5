-- Cluster-wide limits (cluster.counters.DatabaseCounters): what every node must count alike.
-- A lease is one thing held now (an agent's live conversation), by a node; the node pushes expires_ms forward every
-- sweep, so a dead node's leases lapse on their own. A counter is a capped count (an agent's conversations today), a
-- token bucket (connections per address per minute: amount = tokens, updated_ms = last refill) or the lock row of a
-- lease group; it is deleted once expires_ms has passed.
CREATE TABLE limit_leases (
    lease_group  VARCHAR(255)  NOT NULL,
    lease_id     VARCHAR(200)  NOT NULL,
    node_id      VARCHAR(64)   NOT NULL,
    expires_ms   BIGINT        NOT NULL,
    PRIMARY KEY (lease_group, lease_id)
);
CREATE INDEX limit_leases_expiry ON limit_leases (expires_ms);
CREATE INDEX limit_leases_node ON limit_leases (node_id);

CREATE TABLE limit_counters (
    counter_key  VARCHAR(255)      PRIMARY KEY,
    amount       DOUBLE PRECISION  NOT NULL,
    updated_ms   BIGINT            NOT NULL,
    expires_ms   BIGINT            NOT NULL
);
CREATE INDEX limit_counters_expiry ON limit_counters (expires_ms);
