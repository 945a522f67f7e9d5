package dev.timbre.cluster;

import dev.timbre.common.Ids;
import dev.timbre.common.WorkerPools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as a node of the cluster that shares its database: a row in {@code cluster_nodes} with a heartbeat
 * every {@link #BEAT}; a node not heard from for {@link #SILENCE} is gone, and what it held (its live conversations)
 * is given up by the sweeps registered with {@link #everySweep}, which every node runs every {@link #SWEEP}. The node
 * id is kept in {@code <data>/node-id}, so a restart on the same data folder is the same node (and finds at once what
 * its previous run left). Threads: the heartbeat and the work registered with {@link #everyBeat} (short: a few
 * statements) run on the daemon {@code cluster-node-beat}; the sweeps on {@code cluster-node-sweep}, so a slow sweep
 * (turning a dead node's recording parts into recordings) never delays a beat and makes this node look gone.
 * {@link #close} stops both, then deletes the row (a clean stop).
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    public static final Duration BEAT = Duration.ofSeconds(10);
    public static final Duration SILENCE = Duration.ofSeconds(45);
    public static final Duration SWEEP = Duration.ofSeconds(30);

    /** Work a node does for the cluster on each sweep, e.g. failing the conversations of nodes that are gone. */
    public interface Sweep {
        /**
         * @param self this node's id
         * @param silentSinceMs a node whose last beat is older than this (epoch ms) is gone
         * @param starting the first run, at start-up: what this node's own previous run left is gone too
         */
        void run(String self, long silentSinceMs, boolean starting);
    }

    private final String id;
    private final Jdbi jdbi;
    private final Clock clock;
    private final List<Sweep> sweeps = new CopyOnWriteArrayList<>();
    private final List<Runnable> beats = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService beater = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("cluster-node-beat"));
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(WorkerPools.daemon("cluster-node-sweep"));

    private ClusterNode(String id, Jdbi jdbi, Clock clock) {
        this.id = id;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Registers this node (id from {@code dataDir}, made at first start) and starts its heartbeat. */
    public static ClusterNode join(Jdbi jdbi, Path dataDir, Clock clock) {
        ClusterNode node = new ClusterNode(nodeId(dataDir), jdbi, clock);
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", node.id).execute();
            h.createUpdate("INSERT INTO cluster_nodes (node_id, started_ms, heartbeat_ms) VALUES (:id, :now, :now)")
                    .bind("id", node.id).bind("now", now).execute();
        });
        node.beater.scheduleWithFixedDelay(node::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
        node.sweeper.scheduleWithFixedDelay(node::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("cluster node {}", node.id);
        return node;
    }

    public String id() { return id; }

    /** Runs {@code sweep} now (on the caller's thread: start-up) and then on every sweep. */
    public void everySweep(Sweep sweep) {
        sweep.run(id, silentSince(), true);
        sweeps.add(sweep);
    }

    /** Runs {@code work} after every heartbeat ({@link #BEAT}), on the beat thread: it must be short (no blob I/O). */
    public void everyBeat(Runnable work) {
        beats.add(work);
    }

    /** Nodes with a beat since {@link #SILENCE} ago, this one included. */
    public List<String> liveNodes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT node_id FROM cluster_nodes WHERE heartbeat_ms >= :since ORDER BY node_id")
                .bind("since", silentSince()).mapTo(String.class).list());
    }

    private long silentSince() { return clock.millis() - SILENCE.toMillis(); }

    private void beat() {
        try {
            int n = jdbi.withHandle(h -> h.createUpdate("UPDATE cluster_nodes SET heartbeat_ms = :now WHERE node_id = :id")
                    .bind("now", clock.millis()).bind("id", id).execute());
            if (n == 0) jdbi.useHandle(h -> h.createUpdate("INSERT INTO cluster_nodes (node_id, started_ms, heartbeat_ms) VALUES (:id, :now, :now)")
                    .bind("id", id).bind("now", clock.millis()).execute());
        } catch (RuntimeException e) {
            LOG.warn("cluster heartbeat failed: {}", e.toString());
        }
        for (Runnable work : beats) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("cluster beat work failed: {}", e.toString());
            }
        }
    }

    private void sweep() {
        for (Sweep s : sweeps) {
            try {
                s.run(id, silentSince(), false);
            } catch (RuntimeException e) {
                LOG.warn("cluster sweep failed: {}", e.toString());
            }
        }
    }

    private static String nodeId(Path dataDir) {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (Ids.isSafe(id) && !id.isEmpty() && id.length() <= 64) return id;
            }
            String id = "node_" + Ids.random(16).toLowerCase();
            Files.createDirectories(dataDir);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        beater.shutdownNow();
        sweeper.shutdownNow();
        try {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM cluster_nodes WHERE node_id = :id").bind("id", id).execute());
        } catch (RuntimeException e) {
            LOG.debug("cluster node row not removed: {}", e.toString());
        }
    }
}
