/**
 * Batch calling ({@code /v1/convai/batch-calling}): a list of recipients called from one imported number by one agent,
 * from a scheduled time, with per-recipient dynamic variables and overrides. {@link
 * dev.timbre.convai.batchcalling.BatchCallsService} is the API's use cases over {@link
 * dev.timbre.convai.batchcalling.BatchCallRepository} (V25); {@link dev.timbre.convai.batchcalling.BatchDispatcher} is
 * the durable job that dials through {@link dev.timbre.convai.phonecalls.PhoneCalls} with a concurrency limit and
 * resumes after a restart.
 */
package dev.timbre.convai.batchcalling;
