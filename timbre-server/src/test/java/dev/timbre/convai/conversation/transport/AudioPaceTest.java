package dev.timbre.convai.conversation.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AudioPaceTest {
    @Test
    void audioTenTimesFasterThanRealTimeIsTakenInAtMostAtThePaceAfterTheLead() {
        AtomicLong nanos = new AtomicLong();
        AudioPace pace = new AudioPace(nanos::get);
        double taken = 0;
        for (int i = 0; i < 600; i++) { // 60 s of audio in 100 ms chunks, one every 10 ms: 6 s of wall time
            if (pace.admit(0.1)) taken += 0.1;
            nanos.addAndGet(10_000_000);
        }
        assertThat(taken).isLessThanOrEqualTo(AudioPace.BURST_SECONDS + AudioPace.RATE * 6 + 0.1).isGreaterThan(AudioPace.BURST_SECONDS);
        assertThat(pace.droppedSeconds()).isGreaterThan(40);
        assertThat(pace.droppedChunks()).isGreaterThan(400);
    }

    @Test
    void audioInRealTimeIsNeverDropped() {
        AtomicLong nanos = new AtomicLong();
        AudioPace pace = new AudioPace(nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(pace.admit(0.25)).isTrue();
            nanos.addAndGet(250_000_000);
        }
        assertThat(pace.droppedChunks()).isZero();
    }
}
