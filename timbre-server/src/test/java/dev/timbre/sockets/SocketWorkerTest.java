package dev.timbre.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketWorkerTest {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final List<Integer> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void aFloodBeyondTheQueueIsReportedOnceAndNotQueued() throws Exception {
        SocketWorker worker = new SocketWorker("test-worker", 3, new InactivityClock(timers, 60, () -> {}), () -> true, failures::add);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        worker.queue(() -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            int n = i;
            worker.queue(() -> ran.add(n));
        }
        assertThat(failures).hasSize(1).first().isInstanceOf(SocketWorker.Overflow.class);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 3);
        assertThat(ran).containsExactly(0, 1, 2);
        CountDownLatch last = new CountDownLatch(1);
        worker.finish(last::countDown);
        assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workInStepWithTheWorkerIsNeverRefused() {
        SocketWorker worker = new SocketWorker("test-worker", 2, new InactivityClock(timers, 60, () -> {}), () -> true, failures::add);
        for (int i = 0; i < 200; i++) {
            int n = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() >= n - 1);
            worker.queue(() -> ran.add(n));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 200);
        assertThat(failures).isEmpty();
        worker.stop();
    }
}
