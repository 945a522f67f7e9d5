/**
 * Who may open an agent conversation now: {@link dev.timbre.convai.conversation.admission.ConversationAdmission}
 * applies an agent's {@code platform_settings.call_limits} ({@link dev.timbre.convai.conversation.admission.CallLimits}),
 * this node's cap on concurrent conversations and a per-address connection rate. The node's cap is counted here (it is
 * this node's capacity); the agent's concurrency (a lease per conversation), its daily count and the address' token
 * bucket are counted in a {@link dev.timbre.cluster.counters.SharedCounters}, so on a shared database or Redis they hold
 * across the cluster (in memory on a single node). A refusal is a
 * {@link dev.timbre.convai.conversation.admission.ConversationAdmission.Refused} with an ElevenLabs error type; the
 * socket turns it into an error event and close 1008, the signed-URL and token endpoints into a 429. Thread-safe;
 * nothing here touches HTTP or SQL.
 */
package dev.timbre.convai.conversation.admission;
