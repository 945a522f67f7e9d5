package dev.timbre.cluster.counters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand (thread-safe). */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant start) { this.now = start; }

    public synchronized void advance(Duration d) { now = now.plus(d); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
}
