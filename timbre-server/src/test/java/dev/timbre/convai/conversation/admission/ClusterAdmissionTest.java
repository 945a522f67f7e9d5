package dev.timbre.convai.conversation.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.cluster.counters.DatabaseCounters;
import dev.timbre.cluster.counters.MovableClock;
import dev.timbre.cluster.counters.RedisCounters;
import dev.timbre.cluster.counters.SharedCounters;
import dev.timbre.common.Ids;
import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes (two {@link ConversationAdmission}s, each with its own counters) on one PostgreSQL or one Redis: an
 * agent's limits and an address' rate hold across both, a closed conversation frees its place for the other node, and
 * a dead node's conversations stop counting once its leases lapse. PostgreSQL and Redis skip when unreachable.
 */
class ClusterAdmissionTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) opened.get(i).close(); // nodes first, then their database
    }

    /** A function from node id to that node's counters, on one shared store of {@code kind}. */
    private Function<String, SharedCounters> store(String kind) {
        if (kind.equals("redis")) {
            String url = System.getenv().getOrDefault("TIMBRE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
            try (var s = new java.net.Socket()) {
                java.net.URI u = java.net.URI.create(url);
                s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), 1000);
            } catch (java.io.IOException e) {
                Assumptions.abort("Redis not reachable at " + url);
            }
            String prefix = "timbre-test:" + Ids.random(10) + ":";
            return node -> new RedisCounters(url, prefix, clock);
        }
        Database db = TestDatabases.open(kind);
        opened.add(db);
        return node -> new DatabaseCounters(db.jdbi(), node, clock);
    }

    private ConversationAdmission node(Function<String, SharedCounters> store, String id, int perMinute) {
        ConversationAdmission a = new ConversationAdmission(10, perMinute, clock, ConversationAdmission.StoredStarts.NONE, store.apply(id));
        opened.add(a);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "redis", "h2"})
    void anAgentLimitOfOneAdmitsOnceAcrossTheNodesUntilClosedOrLapsed(String kind) {
        var store = store(kind);
        ConversationAdmission a = node(store, "node_a", 0), b = node(store, "node_b", 0);
        CallLimits one = new CallLimits(1, 100_000, true);

        ConversationAdmission.Ticket onA = a.admit("agent", one, null);
        assertThatThrownBy(() -> b.admit("agent", one, null)).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo(ConversationAdmission.TOO_MANY_CONCURRENT));
        assertThatThrownBy(() -> b.check("agent", one)).isInstanceOf(ConversationAdmission.Refused.class);
        assertThat(b.active()).isZero(); // the refused one left nothing counted on b
        b.admit("other", one, null); // another agent

        onA.close();
        b.check("agent", one);
        b.admit("agent", one, null); // b now holds it and then "dies": no close, no refresh
        assertThatThrownBy(() -> a.admit("agent", one, null)).isInstanceOf(ConversationAdmission.Refused.class);

        clock.advance(SharedCounters.LEASE_TTL.plusSeconds(1));
        a.admit("agent", one, null);
        assertThat(a.active()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "redis"})
    void theDailyLimitAndTheAddressRateAreCountedAcrossTheNodes(String kind) {
        var store = store(kind);
        ConversationAdmission a = node(store, "node_a", 2), b = node(store, "node_b", 2);
        CallLimits twoADay = new CallLimits(-1, 2, true);
        a.admit("agent", twoADay, null).close();
        b.admit("agent", twoADay, null).close();
        assertThatThrownBy(() -> a.admit("agent", twoADay, null)).isInstanceOfSatisfying(ConversationAdmission.Refused.class,
                r -> assertThat(r.errorType).isEqualTo(ConversationAdmission.DAILY_LIMIT));

        a.admit("free", CallLimits.DEFAULTS, "203.0.113.7").close();
        b.admit("free", CallLimits.DEFAULTS, "203.0.113.7").close();
        assertThatThrownBy(() -> a.admit("free", CallLimits.DEFAULTS, "203.0.113.7")).isInstanceOfSatisfying(
                ConversationAdmission.Refused.class, r -> assertThat(r.errorType).isEqualTo(ConversationAdmission.RATE_LIMITED));
        clock.advance(Duration.ofSeconds(30));
        b.admit("free", CallLimits.DEFAULTS, "203.0.113.7").close();
    }
}
