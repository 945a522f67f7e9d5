package dev.timbre.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slots, the bounded queue and first-audio priority, on a virtual clock (time only moves when a test moves it). */
class SpeechSchedulerTest {
    final AtomicLong clock = new AtomicLong();
    static final long WAIT_S = 10;

    SpeechScheduler scheduler(int slots, int queue) {
        return new SpeechScheduler(slots, queue, clock::get);
    }

    /** Runs {@code work} on a thread of its own; the future completes with its result. */
    interface Work<T> {
        T run() throws Exception;
    }

    static <T> CompletableFuture<T> async(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.run());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Waits (bounded) until {@code n} runs are without a slot. */
    static void awaitWaiting(SpeechScheduler s, int n) {
        await(() -> s.waiting() == n, "runs without a slot: " + n);
    }

    /** Waits (bounded) until {@code n} runs are queued for a slot. */
    static void awaitQueued(SpeechScheduler s, int n) {
        await(() -> s.queued() == n, "runs queued for a slot: " + n);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void a_full_queue_is_refused_and_the_slot_comes_back() throws Exception {
        SpeechScheduler s = scheduler(1, 1);
        SpeechScheduler.Ticket held = s.admit(true);
        CompletableFuture<SpeechScheduler.Ticket> queued = async(() -> s.admit(true));
        awaitWaiting(s, 1);
        assertThatThrownBy(() -> s.admit(true)).isInstanceOfSatisfying(SpeechException.Busy.class,
                e -> assertThat(e.queue()).isEqualTo(1));
        held.close();
        held.close(); // idempotent: gives nothing back twice
        queued.get(WAIT_S, TimeUnit.SECONDS).close();
        assertThat(s.waiting()).isZero();
        s.admit(true).close(); // the slot is free again
    }

    @Test
    void a_run_ahead_of_its_listener_gives_its_slot_to_a_starting_run_until_that_one_has_audio() throws Exception {
        SpeechScheduler s = scheduler(1, 4);
        SpeechScheduler.Ticket ahead = s.admit(true);
        ahead.sent(2.0); // 2 s out at time 0: far ahead of its listener
        CompletableFuture<SpeechScheduler.Ticket> starting = async(() -> s.admit(true));
        awaitQueued(s, 1);
        CompletableFuture<Boolean> next = async(() -> {
            ahead.beforeChunk();
            return true;
        });
        SpeechScheduler.Ticket first = starting.get(WAIT_S, TimeUnit.SECONDS); // the slot went to the starting run
        assertThat(s.waiting()).isEqualTo(1); // the run ahead: paused, no slot
        first.sent(0.1); // its first audio is out: the paused run wants its slot back, but the only one is taken
        awaitQueued(s, 1);
        first.close();
        assertThat(next.get(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(s.waiting()).isZero();
        ahead.close();
    }

    @Test
    void a_run_that_is_not_ahead_keeps_its_slot() throws Exception {
        SpeechScheduler s = scheduler(1, 4);
        SpeechScheduler.Ticket run = s.admit(true);
        run.sent(0.1);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(70)); // 30 ms of its 100 ms left: less than the lead
        CompletableFuture<SpeechScheduler.Ticket> starting = async(() -> s.admit(true));
        awaitWaiting(s, 1);
        run.beforeChunk(); // returns at once, still holding
        assertThat(s.waiting()).isEqualTo(1);
        run.close();
        starting.get(WAIT_S, TimeUnit.SECONDS).close();
    }

    @Test
    void a_new_run_gets_a_free_slot_before_a_paused_run_with_audio_left() throws Exception {
        SpeechScheduler s = scheduler(2, 4);
        SpeechScheduler.Ticket paused = s.admit(true);
        SpeechScheduler.Ticket whole = s.admit(false);
        paused.sent(5.0);
        CompletableFuture<SpeechScheduler.Ticket> early = async(() -> s.admit(true));
        awaitWaiting(s, 1);
        CompletableFuture<Boolean> resumed = async(() -> {
            paused.beforeChunk();
            return true;
        });
        SpeechScheduler.Ticket a = early.get(WAIT_S, TimeUnit.SECONDS);
        a.sent(0.1); // no run is starting now: the paused one queues for a slot (its listener runs out at 5 s)
        awaitQueued(s, 1);
        CompletableFuture<SpeechScheduler.Ticket> late = async(() -> s.admit(true)); // deadline now: before 5 s
        awaitQueued(s, 2);
        whole.close();
        SpeechScheduler.Ticket b = late.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(s.waiting()).as("the paused run still waits").isEqualTo(1);
        a.close();
        assertThat(resumed.get(WAIT_S, TimeUnit.SECONDS)).isTrue();
        b.close();
        paused.close();
        assertThat(s.waiting()).isZero();
    }

    @Test
    void whole_file_runs_do_not_yield_and_do_not_hold_streams_back() throws Exception {
        SpeechScheduler s = scheduler(1, 4);
        SpeechScheduler.Ticket whole = s.admit(false);
        assertThat(s.starting()).isZero();
        whole.sent(30.0);
        CompletableFuture<SpeechScheduler.Ticket> starting = async(() -> s.admit(true));
        awaitWaiting(s, 1);
        whole.beforeChunk(); // keeps its slot
        assertThat(s.waiting()).isEqualTo(1);
        whole.close();
        starting.get(WAIT_S, TimeUnit.SECONDS).close();
    }

    @Test
    void closing_a_paused_run_ends_its_wait_with_cancellation() throws Exception {
        SpeechScheduler s = scheduler(1, 4);
        SpeechScheduler.Ticket ahead = s.admit(true);
        ahead.sent(2.0);
        CompletableFuture<SpeechScheduler.Ticket> starting = async(() -> s.admit(true));
        awaitWaiting(s, 1);
        CompletableFuture<Boolean> next = async(() -> {
            try {
                ahead.beforeChunk();
                return true;
            } catch (CancellationException closed) {
                return false;
            }
        });
        SpeechScheduler.Ticket first = starting.get(WAIT_S, TimeUnit.SECONDS);
        ahead.close();
        assertThat(next.get(WAIT_S, TimeUnit.SECONDS)).as("the wait ended by cancellation").isFalse();
        first.close();
        assertThat(s.waiting()).isZero();
        assertThat(s.starting()).isZero();
    }
}
