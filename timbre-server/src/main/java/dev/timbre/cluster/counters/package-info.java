/**
 * Counters every node of a cluster sees alike, for limits that must hold across the cluster (an agent's concurrent
 * and daily conversations, connections per address): the {@link dev.timbre.cluster.counters.SharedCounters} SPI —
 * leases, capped counts, token buckets — in memory (one node), in the shared database (V32, row locks and conditional
 * updates) or in Redis (Lua scripts, expiring keys), chosen by {@link dev.timbre.cluster.counters.CounterStores}
 * ({@code TIMBRE_LIMITS_STORE}, {@code TIMBRE_REDIS_URL}). Leases are kept alive at their node's heartbeat
 * ({@code cluster.ClusterNode#everyBeat}, every 10 s), so a dead node's lapse within {@code SharedCounters.LEASE_TTL}. Knows nothing of
 * conversations or HTTP; {@code convai.conversation.admission} uses it.
 */
package dev.timbre.cluster.counters;
