package dev.timbre.user;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code workspace_usage}, the single row {@code 'workspace'}. Every change runs in a transaction that
 * holds the row lock ({@code SELECT … FOR UPDATE}), so concurrent charges on any node never lose an update or pass
 * the limit. A period that has ended is rolled over (count back to 0, next reset one month on) inside the same lock.
 */
public final class UsageRepository {
    private static final String ID = "workspace";
    private final Jdbi jdbi;

    public UsageRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

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
     * Adds {@code characters} unless that would pass the limit. Returns the usage before the charge, or empty
     * (with nothing charged) when over the limit.
     */
    public Optional<Usage> charge(long characters, long nowUnix) {
        return jdbi.inTransaction(h -> {
            Usage u = rollOver(h, locked(h), nowUnix);
            if (u.characterCount() + characters > u.characterLimit()) return Optional.empty();
            h.createUpdate("UPDATE workspace_usage SET character_count = character_count + :n WHERE id = :id")
                    .bind("n", characters).bind("id", ID).execute();
            return Optional.of(u);
        });
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
