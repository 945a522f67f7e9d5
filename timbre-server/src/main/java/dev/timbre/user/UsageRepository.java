package dev.timbre.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code workspace_usage}, the single row {@code 'workspace'}, and {@code character_usage}, one row per
 * charge. Every change runs in a transaction that holds the workspace row lock ({@code SELECT … FOR UPDATE}), so
 * concurrent charges on any node are serialised: none loses an update or passes the workspace's or its key's limit. A
 * period that has ended is rolled over (count back to 0, next reset one month on) inside the same lock; a key's count
 * is what it was charged since the current period began.
 */
public final class UsageRepository {
    private static final String ID = "workspace";
    private final Jdbi jdbi;

    public UsageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Why a charge was refused, if it was. */
    public enum Refusal { NONE, WORKSPACE_LIMIT, KEY_LIMIT }

    /**
     * The outcome of {@link #charge}: the usage and the key's count before it (0 without a key), and whether it was
     * refused (then nothing was charged).
     */
    public record Attempt(Usage before, long keyCountBefore, Refusal refusal) {}

    /** Applies the configured limit and, on the first start, the creation time and first reset. */
    public void configure(long characterLimit, long nowUnix) {
        jdbi.useTransaction(h -> {
            locked(h);
            h.createUpdate("UPDATE workspace_usage SET character_limit = :limit WHERE id = :id").bind("limit", characterLimit).bind("id", ID).execute();
            h.createUpdate("UPDATE workspace_usage SET created_at = :now, next_reset_unix = :next WHERE id = :id AND next_reset_unix = 0")
                    .bind("now", nowUnix).bind("next", plusMonth(nowUnix)).bind("id", ID).execute();
        });
    }

    /** The current usage, after rolling over an ended period. */
    public Usage current(long nowUnix) {
        return jdbi.inTransaction(h -> rollOver(h, locked(h), nowUnix));
    }

    /**
     * Adds {@code characters} for {@code keyId} (null: no key) unless that would pass the workspace's limit or the
     * key's {@code keyLimit} (null: none), and records the charge with what it paid for.
     */
    public Attempt charge(long characters, long nowUnix, String keyId, Long keyLimit, ChargedFor what) {
        return jdbi.inTransaction(h -> {
            Usage u = rollOver(h, locked(h), nowUnix);
            long keyCount = keyId == null ? 0 : keyCount(h, keyId, periodStart(u));
            if (keyLimit != null && keyCount + characters > keyLimit) return new Attempt(u, keyCount, Refusal.KEY_LIMIT);
            if (u.characterCount() + characters > u.characterLimit()) return new Attempt(u, keyCount, Refusal.WORKSPACE_LIMIT);
            h.createUpdate("UPDATE workspace_usage SET character_count = character_count + :n WHERE id = :id")
                    .bind("n", characters).bind("id", ID).execute();
            h.createUpdate("INSERT INTO character_usage (date_ms, characters, api_key_id, product, voice_id, model_id) "
                            + "VALUES (:at, :n, :key, :product, :voice, :model)")
                    .bind("at", nowUnix * 1000).bind("n", characters).bind("key", keyId).bind("product", what.product())
                    .bind("voice", what.voiceId()).bind("model", what.modelId()).execute();
            return new Attempt(u, keyCount, Refusal.NONE);
        });
    }

    /** Characters each of {@code keyIds} was charged in the current period (absent: none). */
    public Map<String, Long> keyCounts(Collection<String> keyIds, long nowUnix) {
        Map<String, Long> counts = new HashMap<>();
        if (keyIds.isEmpty()) return counts;
        jdbi.useTransaction(h -> {
            long since = periodStart(rollOver(h, locked(h), nowUnix));
            h.createQuery("SELECT api_key_id, SUM(characters) FROM character_usage WHERE api_key_id IN (<ids>) AND date_ms >= :since "
                            + "GROUP BY api_key_id")
                    .bindList("ids", keyIds).bind("since", since)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
        });
        return counts;
    }

    private static long keyCount(Handle h, String keyId, long sinceMs) {
        return h.createQuery("SELECT COALESCE(SUM(characters), 0) FROM character_usage WHERE api_key_id = :id AND date_ms >= :since")
                .bind("id", keyId).bind("since", sinceMs).mapTo(Long.class).one();
    }

    /** The start of the current period in milliseconds: one month before the next reset. */
    private static long periodStart(Usage u) {
        if (u.nextResetUnix() == 0) return 0;
        return Instant.ofEpochSecond(u.nextResetUnix()).atOffset(ZoneOffset.UTC).minusMonths(1).toEpochSecond() * 1000;
    }

    private static Usage locked(Handle h) {
        return h.createQuery("SELECT character_count, character_limit, next_reset_unix, created_at FROM workspace_usage WHERE id = :id FOR UPDATE")
                .bind("id", ID).mapTo(Usage.class).one();
    }

    private static Usage rollOver(Handle h, Usage u, long nowUnix) {
        if (u.nextResetUnix() == 0 || nowUnix < u.nextResetUnix()) return u;
        long next = u.nextResetUnix();
        while (next <= nowUnix) next = plusMonth(next);
        h.createUpdate("UPDATE workspace_usage SET character_count = 0, next_reset_unix = :next WHERE id = :id")
                .bind("next", next).bind("id", ID).execute();
        return new Usage(0, u.characterLimit(), next, u.createdAt());
    }

    static long plusMonth(long unix) {
        return Instant.ofEpochSecond(unix).atOffset(ZoneOffset.UTC).plusMonths(1).toEpochSecond();
    }
}
