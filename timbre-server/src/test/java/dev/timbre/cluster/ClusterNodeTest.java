package dev.timbre.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.convai.conversations.ConversationRepository;
import dev.timbre.convai.conversations.ConversationsService;
import dev.timbre.convai.conversations.InterruptedConversationsTest;
import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nodes on one database: ids that survive a restart, who is live, and whose conversations a sweep gives up. */
class ClusterNodeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void aRestartIsTheSameNodeAndBothNodesAreLive(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            ClusterNode a = ClusterNode.join(db.jdbi(), dir.resolve("a"), Clock.systemUTC());
            String first = a.id();
            a.close();
            try (ClusterNode again = ClusterNode.join(db.jdbi(), dir.resolve("a"), Clock.systemUTC());
                 ClusterNode b = ClusterNode.join(db.jdbi(), dir.resolve("b"), Clock.systemUTC())) {
                assertThat(again.id()).isEqualTo(first);
                assertThat(b.id()).isNotEqualTo(first).startsWith("node_");
                assertThat(b.liveNodes()).containsExactlyInAnyOrder(first, b.id());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void aSweepFailsTheConversationsOfGoneNodesOnlyAndAStartAlsoItsOwnLeftovers(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            long now = System.currentTimeMillis();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO cluster_nodes (node_id, started_ms, heartbeat_ms) VALUES ('live', ?, ?)", now, now);
                h.execute("INSERT INTO cluster_nodes (node_id, started_ms, heartbeat_ms) VALUES ('silent', ?, ?)", now - 120_000, now - 60_000);
                h.execute("INSERT INTO cluster_nodes (node_id, started_ms, heartbeat_ms) VALUES ('me', ?, ?)", now, now);
            });
            for (String node : new String[] {"live", "silent", "me", "vanished"}) {
                new ConversationRepository(db.jdbi(), node).insert(InterruptedConversationsTest.row("c_" + node, "in-progress"));
            }
            new ConversationRepository(db.jdbi(), "live").insert(InterruptedConversationsTest.row("c_live_done", "done"));
            new ConversationRepository(db.jdbi()).insert(InterruptedConversationsTest.row("c_before_clusters", "in-progress"));
            ConversationRepository repo = new ConversationRepository(db.jdbi());
            ConversationsService service = new ConversationsService(repo, Clock.systemUTC());
            long silentSince = now - ClusterNode.SILENCE.toMillis();

            assertThat(service.failOrphaned("me", silentSince, false)).isEqualTo(3);
            assertThat(status(repo, "c_silent")).isEqualTo("failed");
            assertThat(status(repo, "c_vanished")).isEqualTo("failed");
            assertThat(status(repo, "c_before_clusters")).isEqualTo("failed");
            assertThat(status(repo, "c_live")).isEqualTo("in-progress");
            assertThat(status(repo, "c_me")).as("this node's own, while it runs").isEqualTo("in-progress");
            assertThat(repo.liveOn("me")).isEqualTo(1);

            assertThat(service.failOrphaned("me", silentSince, true)).as("at start-up: what its last run left").isEqualTo(1);
            assertThat(status(repo, "c_me")).isEqualTo("failed");
            assertThat(status(repo, "c_live")).isEqualTo("in-progress");
            assertThat(status(repo, "c_live_done")).isEqualTo("done");
        }
    }

    private static String status(ConversationRepository repo, String id) {
        return repo.find(id).orElseThrow().status();
    }
}
