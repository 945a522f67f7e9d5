package dev.timbre.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared scheduler on H2 and PostgreSQL: restart resumption, take-over of a dead node's job, retries and giving up. */
class JobsTest {
    /** A job kind's data. */
    public record Note(String text) {}

    /** Who ran which job, in order: {@code node:jobId:text}. */
    final List<String> runs = new CopyOnWriteArrayList<>();

    JobKind<Note> echo(Jobs node, String name) {
        return node.register("test-echo", Note.class, new Retries(3, Duration.ofMillis(50)),
                (id, note) -> runs.add(name + ":" + id + ":" + note.text()), (id, note, cause) -> runs.add(name + ":gave-up:" + id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_job_scheduled_before_a_stop_runs_once_on_the_next_start(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            try (Jobs stopped = TestJobs.on(db)) {
                JobKind<Note> jobs = echo(stopped, "a");
                assertThat(jobs.schedule("job_1", new Note("hello"))).isTrue();
                assertThat(jobs.schedule("job_1", new Note("again"))).as("the same id twice: one job").isFalse();
                assertThat(jobs.isScheduled("job_1")).isTrue();
            } // stopped before it ran (never started)
            assertThat(runs).isEmpty();
            try (Jobs next = TestJobs.on(db)) {
                JobKind<Note> jobs = echo(next, "b");
                next.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> !runs.isEmpty());
                Thread.sleep(500); // polls go on: nothing runs it again
                assertThat(runs).containsExactly("b:job_1:hello");
                assertThat(jobs.isScheduled("job_1")).as("done: removed").isFalse();
                assertThat(jobs.schedule("job_1", new Note("later"))).as("a finished id may be used again").isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 2);
                assertThat(runs).containsExactly("b:job_1:hello", "b:job_1:later");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void the_job_of_a_node_whose_heartbeat_stopped_is_taken_over_by_another(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            // Node A claims the job, then hangs in it and never beats again (an hour between heartbeats): as a
            // killed or partitioned node looks to the others. One thread: hung, it claims nothing more.
            JobSettings silent = new JobSettings(1, Duration.ofMillis(50), Duration.ofHours(1), 4, Duration.ofSeconds(1), null);
            try (Jobs a = TestJobs.on(db, silent); Jobs b = TestJobs.on(db)) {
                JobKind<Note> onA = a.register("test-echo", Note.class, new Retries(3, Duration.ofMillis(50)), (id, note) -> {
                    runs.add("a:" + id + ":" + note.text());
                    started.countDown();
                    release.await(); // interrupted when A closes
                }, (id, note, cause) -> runs.add("a:gave-up:" + id));
                onA.schedule("job_2", new Note("long"));
                a.start();
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                long stalled = System.nanoTime();

                JobKind<Note> onB = echo(b, "b");
                b.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> runs.contains("b:job_2:long"));
                Duration takeOver = Duration.ofNanos(System.nanoTime() - stalled);
                System.out.printf("%s: job of a silent node taken over after %d ms (bound %d ms)%n", kind, takeOver.toMillis(),
                        TestJobs.FAST.takeOverWithin().toMillis());
                assertThat(takeOver).as("within the take-over bound").isLessThanOrEqualTo(TestJobs.FAST.takeOverWithin().plusSeconds(2));
                await().atMost(Duration.ofSeconds(5)).until(() -> !onB.isScheduled("job_2"));
                release.countDown(); // A finishes late: its completion no longer matches the row and changes nothing
                Thread.sleep(500);
                assertThat(runs).containsExactly("a:job_2:long", "b:job_2:long");
                assertThat(onB.isScheduled("job_2")).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_job_interrupted_by_a_stop_runs_again_after_the_next_start(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            CountDownLatch started = new CountDownLatch(1);
            JobSettings quickStop = new JobSettings(2, Duration.ofMillis(50), Duration.ofMillis(200), 4, Duration.ofMillis(300), null);
            try (Jobs stopping = TestJobs.on(db, quickStop)) {
                stopping.register("test-echo", Note.class, new Retries(3, Duration.ofMillis(50)), (id, note) -> {
                    runs.add("a:" + id + ":" + note.text());
                    started.countDown();
                    new CountDownLatch(1).await(); // until the stop interrupts it
                }, (id, note, cause) -> runs.add("a:gave-up:" + id)).schedule("job_5", new Note("cut"));
                stopping.start();
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            } // waits 300 ms, then interrupts: the attempt fails and the job is rescheduled, not lost
            // recorded as a failed attempt and waiting again (not left claimed until its heartbeat ages)
            java.util.Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("SELECT picked, consecutive_failures "
                    + "FROM scheduled_tasks WHERE task_name = 'test-echo' AND task_instance = 'job_5'").mapToMap().one());
            assertThat(row)
                    .containsEntry("picked", false).containsEntry("consecutive_failures", 1);
            try (Jobs next = TestJobs.on(db)) {
                echo(next, "b");
                next.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> runs.contains("b:job_5:cut"));
                Thread.sleep(300);
                assertThat(runs).containsExactly("a:job_5:cut", "b:job_5:cut");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void failed_attempts_are_retried_with_back_off_then_given_up_with_the_last_reason(String kind) throws Exception {
        List<Long> at = new CopyOnWriteArrayList<>();
        List<String> gaveUp = new CopyOnWriteArrayList<>();
        try (Database db = TestDatabases.open(kind); Jobs node = TestJobs.on(db)) {
            JobKind<Note> failing = node.register("test-failing", Note.class, new Retries(3, Duration.ofMillis(200)), (id, note) -> {
                at.add(System.nanoTime());
                throw new java.io.IOException("attempt " + at.size() + " failed");
            }, (id, note, cause) -> gaveUp.add(id + ": " + cause.getMessage()));
            node.start();
            failing.schedule("job_3", new Note("x"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !gaveUp.isEmpty());
            assertThat(gaveUp).containsExactly("job_3: attempt 3 failed");
            assertThat(at).hasSize(3);
            assertThat(Duration.ofNanos(at.get(1) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            assertThat(Duration.ofNanos(at.get(2) - at.get(1))).as("doubled").isGreaterThanOrEqualTo(Duration.ofMillis(390));
            Thread.sleep(300);
            assertThat(at).as("no attempt after giving up").hasSize(3);
            assertThat(failing.isScheduled("job_3")).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void kinds_are_registered_before_the_scheduler_is_built_and_once() throws Exception {
        try (Database db = TestDatabases.h2(); Jobs node = TestJobs.on(db)) {
            echo(node, "n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> echo(node, "n")).hasMessageContaining("twice");
            node.start();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.register("late", Note.class, new Retries(1, Duration.ZERO),
                    (id, note) -> {}, (id, note, cause) -> {})).hasMessageContaining("after the scheduler was built");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_waiting_job_can_be_cancelled(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind); Jobs node = TestJobs.on(db)) {
            JobKind<Note> jobs = echo(node, "n");
            node.start();
            jobs.scheduleAt("job_4", new Note("later"), java.time.Instant.now().plusSeconds(3600));
            assertThat(jobs.cancel("job_4")).isTrue();
            assertThat(jobs.isScheduled("job_4")).isFalse();
            assertThat(jobs.cancel("job_4")).isFalse();
            assertThat(runs).isEmpty();
        }
    }
}
