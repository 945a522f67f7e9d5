package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.http.ApiException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SynthesisSlotsTest {
    @Test
    void a_full_queue_is_refused_with_429_and_retry_after() throws Exception {
        SynthesisSlots slots = new SynthesisSlots(1, 1);
        SynthesisSlots.Slot held = slots.take();
        CountDownLatch queued = new CountDownLatch(1), done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                queued.countDown();
                try (SynthesisSlots.Slot s = slots.take()) {
                    done.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        queued.await();
        while (slots.waiting() == 0) Thread.onSpinWait();
        assertThatThrownBy(slots::take).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("too_many_concurrent_requests");
            assertThat(e.retryAfterSeconds()).isPositive();
        });
        held.close();
        done.await();
        waiter.join();
        assertThat(slots.waiting()).isZero();
        try (SynthesisSlots.Slot again = slots.take()) {
            assertThat(again).isNotNull();
        }
    }
}
