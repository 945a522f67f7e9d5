-- Tool usage stats (ToolUsageStatsResponseModel): webhook calls the conversation runtime made to a workspace tool
-- and their summed latency; avg_latency_secs = total_latency_secs / total_calls.
ALTER TABLE convai_tools ADD COLUMN total_calls BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE convai_tools ADD COLUMN total_latency_secs DOUBLE PRECISION DEFAULT 0 NOT NULL;
