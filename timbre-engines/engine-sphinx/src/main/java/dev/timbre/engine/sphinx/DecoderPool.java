package dev.timbre.engine.sphinx;

import dev.timbre.engine.EngineException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * At most {@code max} decoders, created lazily, each lent to one request at a time. A request waits up to
 * {@code wait} for a free one, then fails with a retryable {@link EngineException}.
 */
final class DecoderPool<T> implements AutoCloseable {
    private final Semaphore permits;
    private final Supplier<T> factory;
    private final Consumer<T> destroy;
    private final Duration wait;
    private final Deque<T> idle = new ArrayDeque<>();
    private final List<T> all = new ArrayList<>();
    private boolean closed;

    DecoderPool(int max, Supplier<T> factory, Consumer<T> destroy, Duration wait) {
        if (max < 1) throw new IllegalArgumentException("max decoders must be at least 1");
        this.permits = new Semaphore(max, true);
        this.factory = factory;
        this.destroy = destroy;
        this.wait = wait;
    }

    T acquire() {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineException("all speech recognisers are busy", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for a speech recogniser", e, true);
        }
        synchronized (this) {
            if (closed) {
                permits.release();
                throw new EngineException("speech recogniser closed");
            }
            T t = idle.pollFirst();
            if (t != null) return t;
        }
        try {
            T created = factory.get();
            synchronized (this) { all.add(created); }
            return created;
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a decoder; {@code broken} ones are destroyed instead of reused. */
    void release(T t, boolean broken) {
        boolean destroyNow;
        synchronized (this) {
            destroyNow = closed || broken;
            if (destroyNow) all.remove(t);
            else idle.addFirst(t);
        }
        if (destroyNow) destroy.accept(t);
        permits.release();
    }

    synchronized int created() { return all.size(); }

    @Override
    public void close() {
        List<T> toDestroy;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toDestroy = new ArrayList<>(idle);
            all.removeAll(idle);
            idle.clear();
        }
        toDestroy.forEach(destroy); // decoders still lent out are destroyed when they come back
    }
}
