-- Agent test runs and RAG indexes run as durable jobs (dev.timbre.jobs) that any node may claim: each attempt is
-- counted in the feature's row before it works, so a job that takes its node down each time is failed after a few
-- attempts instead of being revived forever. A resubmitted run or a recomputed index starts again from 0.
ALTER TABLE agent_test_runs ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE rag_indexes ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
