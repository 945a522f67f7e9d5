package dev.timbre.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutorSessionLoopTest {

    @Test
    void tasksFromManyThreadsRunOneAtATimeInSubmissionOrderPerThread() throws Exception {
        var loop = new ExecutorSessionLoop("order", Clock.systemUTC(), e -> { throw e; });
        List<String> seen = new ArrayList<>(); // only touched on the loop: no lock, as session code does
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int producers = 4;
        int each = 2_000;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int id = p;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    loop.execute(() -> {
                        if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
                        seen.add(id + ":" + n);
                        running.decrementAndGet();
                    });
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch last = new CountDownLatch(1);
        loop.execute(last::countDown);
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps.get()).isZero();
        assertThat(seen).hasSize(producers * each);
        for (int p = 0; p < producers; p++) {
            String prefix = p + ":";
            assertThat(seen.stream().filter(s -> s.startsWith(prefix)).map(s -> Integer.parseInt(s.substring(prefix.length()))).toList())
                    .isSorted();
        }
        loop.shutdown();
    }

    @Test
    void aTimerCancelledOnTheLoopNeverRunsEvenWhenItHadFired() throws Exception {
        var loop = new ExecutorSessionLoop("cancel", Clock.systemUTC(), e -> { throw e; });
        var witness = new ExecutorSessionLoop("witness", Clock.systemUTC(), e -> { throw e; });
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            CountDownLatch fired = new CountDownLatch(1);
            CountDownLatch after = new CountDownLatch(1);
            loop.execute(() -> {
                SessionLoop.Timer timer = loop.schedule(Duration.ZERO, ran::incrementAndGet);
                // the shared timer thread fires in order: once the witness's later timer ran, ours has queued its task
                witness.schedule(Duration.ZERO, fired::countDown);
                try {
                    assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                timer.cancel();
            });
            loop.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
        CountDownLatch end = new CountDownLatch(1);
        loop.execute(end::countDown);
        assertThat(end.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isZero();
        loop.shutdown();
        witness.shutdown();
    }

    @Test
    void idleSessionsHoldNoThreadAndShutdownDropsQueuedWork() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        List<ExecutorSessionLoop> loops = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(500);
        for (int i = 0; i < 500; i++) {
            var loop = new ExecutorSessionLoop("s" + i, Clock.systemUTC(), e -> { throw e; });
            loops.add(loop);
            loop.execute(() -> {
                used.add(Thread.currentThread());
                all.countDown();
            });
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(used.size()).as("threads that served 500 sessions with one short task each").isLessThan(500);
        AtomicInteger late = new AtomicInteger();
        var loop = loops.get(0);
        loop.schedule(Duration.ofMillis(50), late::incrementAndGet);
        loop.shutdown();
        loop.execute(late::incrementAndGet);
        CountDownLatch probe = new CountDownLatch(1);
        loops.get(1).schedule(Duration.ofMillis(100), probe::countDown);
        assertThat(probe.await(5, TimeUnit.SECONDS)).isTrue(); // the shut-down loop's 50 ms timer was due before this
        CountDownLatch drained = new CountDownLatch(1);
        loops.get(1).execute(drained::countDown);
        assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(late.get()).isZero();
        loops.forEach(ExecutorSessionLoop::shutdown);
    }
}
