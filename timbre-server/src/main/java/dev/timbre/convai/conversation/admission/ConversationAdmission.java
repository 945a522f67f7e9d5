package dev.timbre.convai.conversation.admission;

import dev.timbre.cluster.counters.MemoryCounters;
import dev.timbre.cluster.counters.SharedCounters;
import dev.timbre.common.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits agent conversations. A conversation holds a {@link Ticket} from its connection until its socket closes; it
 * counts against this node's limit, its agent's {@code agent_concurrency_limit} and, from admission, its agent's
 * {@code daily_limit} (UTC days; an agent's count starts, the first time it is asked for in a day, from the
 * conversations already stored for that day, so a restart does not start the day again). The node's limit is
 * {@code concurrentConversations} (this node's capacity, counted here); an agent with {@code bursting_enabled} may
 * take the node up to {@link #burstCapacity} (three times the limit, at most 300 unless the limit itself is higher),
 * as ElevenLabs' burst pricing does over a workspace's limit. The agent limits and the per-address connection rate are
 * counted in {@link SharedCounters} — cluster-wide when those are the database's or Redis' — as an agent lease per
 * conversation ({@code agent:<id>}), a capped count per agent and day ({@code day:<id>:<date>}) and a token bucket per
 * address ({@code address:<ip>}). Thread-safe: one lock around this node's counter; the shared counters are asked
 * outside it. {@link #close} closes the counters it was given.
 */
public final class ConversationAdmission implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationAdmission.class);
    private static final Duration DAY_COUNT_TTL = Duration.ofDays(2);
    /** ElevenLabs' error type for a concurrency limit (its HTTP 429 {@code detail.status}). */
    public static final String TOO_MANY_CONCURRENT = "too_many_concurrent_requests";
    public static final String RATE_LIMITED = "rate_limit_exceeded";
    public static final String DAILY_LIMIT = "daily_limit_exceeded";
    /** The server is shutting down (draining): a new conversation should go to another node. */
    public static final String DRAINING = "service_unavailable";

    /** A refused conversation: {@code errorType} for the error event or the 429 body. */
    public static final class Refused extends RuntimeException {
        public final String errorType;

        Refused(String errorType, String message) {
            super(message);
            this.errorType = errorType;
        }
    }

    /** The stored conversations of an agent that started at or after {@code sinceUnix} (Unix seconds, UTC). */
    public interface StoredStarts {
        int countSince(String agentId, long sinceUnix);

        /** Nothing stored: the day's counts start at zero. */
        StoredStarts NONE = (agentId, sinceUnix) -> 0;
    }

    /** An admitted conversation's place; {@link #close} gives it back once (later calls do nothing). */
    public final class Ticket implements AutoCloseable {
        private final String agentId;
        private final String leaseId;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Ticket(String agentId, String leaseId) {
            this.agentId = agentId;
            this.leaseId = leaseId;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) release(agentId, leaseId);
        }
    }

    private final int concurrentConversations;
    private final int connectionsPerMinute;
    private final Clock clock;
    private final StoredStarts stored;
    private final SharedCounters counters;
    private int active;
    private boolean draining;

    /**
     * @param concurrentConversations this node's limit on conversations at once (at least 1)
     * @param connectionsPerMinute connections one client address may open per minute (0: no limit)
     */
    public ConversationAdmission(int concurrentConversations, int connectionsPerMinute, Clock clock) {
        this(concurrentConversations, connectionsPerMinute, clock, StoredStarts.NONE);
    }

    /** Counts in this process's memory ({@link MemoryCounters}): a single node. */
    public ConversationAdmission(int concurrentConversations, int connectionsPerMinute, Clock clock, StoredStarts stored) {
        this(concurrentConversations, connectionsPerMinute, clock, stored, new MemoryCounters(clock));
    }

    /**
     * @param stored where the day's count of an agent starts (asked once per agent a day, when its count is made)
     * @param counters where the agent and address limits are counted; closed by {@link #close}
     */
    public ConversationAdmission(int concurrentConversations, int connectionsPerMinute, Clock clock, StoredStarts stored,
                                 SharedCounters counters) {
        if (concurrentConversations < 1) throw new IllegalArgumentException("concurrentConversations must be at least 1");
        this.concurrentConversations = concurrentConversations;
        this.connectionsPerMinute = connectionsPerMinute;
        this.clock = clock;
        this.stored = stored;
        this.counters = counters;
    }

    /** The most conversations this node holds at once, bursting agents included. */
    public int burstCapacity() {
        return Math.max(concurrentConversations, Math.min(3 * concurrentConversations, 300));
    }

    /**
     * Admits a conversation of {@code agentId}; {@code address} is the client's address, or null when the connection
     * is exempt from the per-address rate (it carried an API key).
     *
     * @throws Refused when a limit is reached (nothing is counted then), or when the shared counters cannot be reached
     */
    public Ticket admit(String agentId, CallLimits limits, String address) {
        try {
            if (address != null && connectionsPerMinute > 0 && !counters.tryTake("address:" + address, connectionsPerMinute)) {
                throw new Refused(RATE_LIMITED, "Too many conversations were opened from this address; try again in a minute.");
            }
            synchronized (this) {
                checkNode(limits);
                active++;
            }
            boolean admitted = false;
            try {
                String leaseId = Ids.random(20);
                if (!counters.tryLease(agentGroup(agentId), leaseId, agentMax(limits))) throw agentFull(limits);
                try {
                    LocalDate today = today();
                    if (!counters.tryCount(dayKey(agentId, today), limits.dailyLimit(), DAY_COUNT_TTL, () -> dayStart(agentId, today))) {
                        throw dailyFull(limits);
                    }
                } catch (RuntimeException e) {
                    giveBack(agentId, leaseId); // never throws: the refusal is what the caller hears
                    throw e;
                }
                admitted = true;
                return new Ticket(agentId, leaseId);
            } finally {
                if (!admitted) synchronized (this) { active--; }
            }
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** Throws {@link Refused} if a conversation of {@code agentId} would be refused now; counts nothing. */
    public void check(String agentId, CallLimits limits) {
        synchronized (this) {
            checkNode(limits);
        }
        try {
            if (counters.leases(agentGroup(agentId)) >= agentMax(limits)) throw agentFull(limits);
            LocalDate today = today();
            if (counters.count(dayKey(agentId, today), () -> dayStart(agentId, today)) >= limits.dailyLimit()) throw dailyFull(limits);
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** From now on every new conversation is refused ({@link #DRAINING}); those admitted run on. Not undone. */
    public synchronized void drain() { draining = true; }

    public synchronized boolean draining() { return draining; }

    /** Conversations admitted on this node and not yet closed. */
    public synchronized int active() {
        return active;
    }

    /** Closes the shared counters (this node's leases are given back where they outlive it). */
    @Override
    public void close() {
        counters.close();
    }

    private void checkNode(CallLimits limits) {
        if (draining) throw new Refused(DRAINING, "This server is shutting down; connect again to reach another one.");
        int max = limits.burstingEnabled() ? burstCapacity() : concurrentConversations;
        if (active >= max) {
            throw new Refused(TOO_MANY_CONCURRENT, "The server is handling the most conversations it allows (" + max + "); try again later.");
        }
    }

    private void release(String agentId, String leaseId) {
        giveBack(agentId, leaseId);
        synchronized (this) {
            active--;
        }
    }

    /** Gives an agent lease back; a failure is logged, not thrown (the lease lapses on its own). */
    private void giveBack(String agentId, String leaseId) {
        try {
            counters.release(agentGroup(agentId), leaseId);
        } catch (RuntimeException e) {
            LOG.warn("agent lease not given back (it lapses on its own): {}", e.toString());
        }
    }

    private static int agentMax(CallLimits limits) {
        return limits.agentConcurrencyLimit() < 0 ? Integer.MAX_VALUE : limits.agentConcurrencyLimit();
    }

    private static Refused agentFull(CallLimits limits) {
        return new Refused(TOO_MANY_CONCURRENT, "This agent has reached its concurrency limit of " + limits.agentConcurrencyLimit()
                + " conversations; try again later.");
    }

    private static Refused dailyFull(CallLimits limits) {
        return new Refused(DAILY_LIMIT, "This agent has reached its daily limit of " + limits.dailyLimit() + " conversations.");
    }

    private static Refused unreachable(RuntimeException e) {
        LOG.warn("conversation limits could not be counted: {}", e.toString());
        return new Refused(DRAINING, "The conversation limits cannot be checked now; try again later.");
    }

    private static String agentGroup(String agentId) { return "agent:" + agentId; }

    private static String dayKey(String agentId, LocalDate day) { return "day:" + agentId + ":" + day; }

    private LocalDate today() { return LocalDate.now(clock.withZone(ZoneOffset.UTC)); }

    private long dayStart(String agentId, LocalDate day) {
        return stored.countSince(agentId, day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }
}
