package dev.timbre.convai.conversation.admission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits agent conversations. A conversation holds a {@link Ticket} from its connection until its socket closes; it
 * counts against the server's limit, its agent's {@code agent_concurrency_limit} and, from admission, its agent's
 * {@code daily_limit} (UTC days; an agent's count starts, the first time it is asked for in a day, from the
 * conversations already stored for that day, so a restart does not start the day again). The server-wide
 * limit is {@code concurrentConversations}; an agent with {@code bursting_enabled} may take the server up to
 * {@link #burstCapacity} (three times the limit, at most 300 unless the limit itself is higher), as ElevenLabs'
 * burst pricing does over a workspace's limit. Thread-safe: one lock around plain counters.
 */
public final class ConversationAdmission {
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
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Ticket(String agentId) {
            this.agentId = agentId;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) release(agentId);
        }
    }

    private final int concurrentConversations;
    private final AddressRate addresses;
    private final Clock clock;
    private final StoredStarts stored;
    private final Map<String, Integer> activeByAgent = new HashMap<>();
    private final Map<String, Integer> todayByAgent = new HashMap<>();
    private LocalDate today;
    private int active;
    private boolean draining;

    /**
     * @param concurrentConversations the server's limit on conversations at once (at least 1)
     * @param connectionsPerMinute connections one client address may open per minute (0: no limit)
     */
    public ConversationAdmission(int concurrentConversations, int connectionsPerMinute, Clock clock) {
        this(concurrentConversations, connectionsPerMinute, clock, StoredStarts.NONE);
    }

    /**
     * @param stored where the day's count of an agent starts (called under this object's lock, once per agent a day)
     */
    public ConversationAdmission(int concurrentConversations, int connectionsPerMinute, Clock clock, StoredStarts stored) {
        if (concurrentConversations < 1) throw new IllegalArgumentException("concurrentConversations must be at least 1");
        this.concurrentConversations = concurrentConversations;
        this.addresses = new AddressRate(connectionsPerMinute, System::nanoTime);
        this.clock = clock;
        this.stored = stored;
        this.today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The most conversations the server holds at once, bursting agents included. */
    public int burstCapacity() {
        return Math.max(concurrentConversations, Math.min(3 * concurrentConversations, 300));
    }

    /**
     * Admits a conversation of {@code agentId}; {@code address} is the client's address, or null when the connection
     * is exempt from the per-address rate (it carried an API key).
     *
     * @throws Refused when a limit is reached; nothing is counted then
     */
    public Ticket admit(String agentId, CallLimits limits, String address) {
        if (address != null && !addresses.tryAcquire(address)) {
            throw new Refused(RATE_LIMITED, "Too many conversations were opened from this address; try again in a minute.");
        }
        synchronized (this) {
            check(agentId, limits);
            active++;
            activeByAgent.merge(agentId, 1, Integer::sum);
            todayByAgent.merge(agentId, 1, Integer::sum);
            return new Ticket(agentId);
        }
    }

    /** Throws {@link Refused} if a conversation of {@code agentId} would be refused now; counts nothing. */
    public synchronized void check(String agentId, CallLimits limits) {
        if (draining) throw new Refused(DRAINING, "This server is shutting down; connect again to reach another one.");
        rollDay();
        int max = limits.burstingEnabled() ? burstCapacity() : concurrentConversations;
        if (active >= max) {
            throw new Refused(TOO_MANY_CONCURRENT, "The server is handling the most conversations it allows (" + max + "); try again later.");
        }
        int agentMax = limits.agentConcurrencyLimit();
        if (agentMax >= 0 && activeByAgent.getOrDefault(agentId, 0) >= agentMax) {
            throw new Refused(TOO_MANY_CONCURRENT, "This agent has reached its concurrency limit of " + agentMax + " conversations; try again later.");
        }
        long midnight = today.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        if (todayByAgent.computeIfAbsent(agentId, a -> stored.countSince(a, midnight)) >= limits.dailyLimit()) {
            throw new Refused(DAILY_LIMIT, "This agent has reached its daily limit of " + limits.dailyLimit() + " conversations.");
        }
    }

    /** From now on every new conversation is refused ({@link #DRAINING}); those admitted run on. Not undone. */
    public synchronized void drain() { draining = true; }

    public synchronized boolean draining() { return draining; }

    /** Conversations admitted and not yet closed. */
    public synchronized int active() {
        return active;
    }

    private synchronized void release(String agentId) {
        active--;
        activeByAgent.computeIfPresent(agentId, (k, n) -> n > 1 ? n - 1 : null);
    }

    private void rollDay() {
        LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!now.equals(today)) {
            today = now;
            todayByAgent.clear();
        }
    }
}
