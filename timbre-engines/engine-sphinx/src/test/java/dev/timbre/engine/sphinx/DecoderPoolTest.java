package dev.timbre.engine.sphinx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.EngineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecoderPoolTest {
    @Test
    void creates_lazily_reuses_and_stays_within_its_bound() {
        AtomicInteger made = new AtomicInteger();
        List<Integer> destroyed = new ArrayList<>();
        DecoderPool<Integer> pool = new DecoderPool<>(2, made::incrementAndGet, destroyed::add, Duration.ofMillis(50));
        assertThat(made.get()).isZero();
        Integer a = pool.acquire();
        pool.release(a, false);
        assertThat(pool.acquire()).isEqualTo(a);
        Integer b = pool.acquire();
        assertThat(made.get()).isEqualTo(2);
        assertThatThrownBy(pool::acquire).isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).retryable()).isTrue());
        pool.release(b, true);
        assertThat(destroyed).containsExactly(b);
        assertThat(pool.acquire()).isEqualTo(3); // a broken one is replaced
        pool.release(a, false);
        pool.close();
        assertThat(destroyed).contains(a);
        assertThatThrownBy(pool::acquire).isInstanceOf(EngineException.class);
    }
}
