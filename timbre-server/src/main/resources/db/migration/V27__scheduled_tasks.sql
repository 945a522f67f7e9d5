-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16.7.1): one row per scheduled or running job execution,
-- shared by every node on this database (dev.timbre.jobs). The columns are those of the library's PostgreSQL DDL;
-- task_name and task_instance are VARCHAR rather than TEXT so that the same key works on H2 (TEXT is a CLOB there).
-- picked/picked_by/last_heartbeat: the node running it and its heartbeat (dead-execution detection); version: the
-- optimistic lock that lets exactly one node claim an execution; priority: unused unless priorities are enabled.
CREATE TABLE scheduled_tasks (
    task_name             VARCHAR(100)             NOT NULL,
    task_instance         VARCHAR(200)             NOT NULL,
    task_data             BYTEA,
    execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    picked                BOOLEAN                  NOT NULL,
    picked_by             VARCHAR(200),
    last_success          TIMESTAMP WITH TIME ZONE,
    last_failure          TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INT,
    last_heartbeat        TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    priority              SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
