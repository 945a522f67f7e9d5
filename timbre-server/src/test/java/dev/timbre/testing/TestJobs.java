package dev.timbre.testing;

import dev.timbre.db.Database;
import dev.timbre.jobs.JobSettings;
import dev.timbre.jobs.Jobs;
import java.time.Duration;

/**
 * Job schedulers for tests: polling every 50 ms, heartbeats every 200 ms (a job of a dead node is taken over in about
 * 1.5 s), 2 s to stop, each named apart (two in one test are two nodes). The caller registers its kinds, starts it, and
 * closes it before the database.
 */
public final class TestJobs {
    public static final JobSettings FAST = new JobSettings(4, Duration.ofMillis(50), Duration.ofMillis(200), 4, Duration.ofSeconds(2), null);
    /**
     * Quick polling, but heartbeats every 2 s (a job is dead after about 12 s): for tests of claiming, where a loaded
     * machine must not make a live job look dead and run it twice (the take-over tests use {@link #FAST}).
     */
    public static final JobSettings STEADY = new JobSettings(4, Duration.ofMillis(50), Duration.ofSeconds(2), 4, Duration.ofSeconds(2), null);

    private TestJobs() {}

    public static Jobs on(Database db) {
        return on(db, FAST);
    }

    public static Jobs on(Database db, JobSettings settings) {
        return new Jobs(db.dataSource(), settings.withNodeName("test-" + dev.timbre.common.Ids.random(8)));
    }
}
