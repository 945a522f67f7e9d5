/**
 * The cluster of Timbre nodes sharing one database: {@link dev.timbre.cluster.ClusterNode} registers this process
 * (V30 {@code cluster_nodes}), beats every 10 s (its own thread, with short work such as lease refreshes), and runs the cluster's sweeps every 30 s
 * on another — work for whatever a node
 * that went silent for 45 s left behind (its live conversations become {@code failed}; the recording parts those calls
 * stored become their recordings, {@code convai.conversations.LiveRecordings}). No HTTP; other packages hand it their
 * sweeps. {@code cluster.counters}: counters for cluster-wide limits, their leases refreshed at every beat.
 */
package dev.timbre.cluster;
