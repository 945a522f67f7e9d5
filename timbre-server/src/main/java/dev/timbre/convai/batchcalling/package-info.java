/**
 * Batch calling ({@code /v1/convai/batch-calling}): a list of recipients called from one imported number by one agent,
 * from a scheduled time, with per-recipient dynamic variables and overrides. {@link
 * dev.timbre.convai.batchcalling.BatchCallsService} is the API's use cases over {@link
 * dev.timbre.convai.batchcalling.BatchCallRepository} (V25); {@link dev.timbre.convai.batchcalling.BatchDispatcher} is
 * the durable job that dials through {@link dev.timbre.convai.phonecalls.PhoneCalls} with a concurrency limit per node
 * and resumes after a restart. Every node of a cluster runs one: a recipient is claimed by a compare-and-set on its row
 * that records the node (V33), and only the calls of this node's previous run or of a silent node
 * ({@code cluster.ClusterNode}) are failed as interrupted.
 */
package dev.timbre.convai.batchcalling;
