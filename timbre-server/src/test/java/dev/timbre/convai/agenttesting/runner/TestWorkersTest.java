package dev.timbre.convai.agenttesting.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestWorkersTest {

    @Test
    void a_batch_is_queued_whole_or_not_at_all() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(3);
        Runnable blocked = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.countDown();
        };
        try (TestWorkers workers = new TestWorkers(1, 2)) {
            assertThat(workers.submitAll(List.of(blocked))).isTrue();
            Thread.sleep(100); // the worker has taken it: the queue is empty
            assertThat(workers.submitAll(List.of(blocked, blocked, blocked))).as("3 do not fit a queue of 2").isFalse();
            assertThat(workers.submitAll(List.of(blocked, blocked))).isTrue();
            assertThat(workers.submitAll(List.of(blocked))).as("the queue is full").isFalse();
            release.countDown();
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
