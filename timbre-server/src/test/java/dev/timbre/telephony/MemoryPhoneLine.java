package dev.timbre.telephony;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A phone line in memory, for tests: what the agent plays is kept (as if heard at once), the test speaks for the
 * caller with {@link #say} (20 ms frames at real time), and records what the agent side asked of the line.
 */
public final class MemoryPhoneLine implements PhoneLine {
    private final CallInfo info;
    private final ByteArrayOutputStream played = new ByteArrayOutputStream();
    public final List<String> actions = new CopyOnWriteArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile LineListener listener;
    private volatile boolean over;

    public MemoryPhoneLine(CallInfo info) { this.info = info; }

    @Override public CallInfo info() { return info; }

    @Override public void open(LineListener l) {
        listener = l;
        opened.countDown();
    }

    @Override public synchronized void play(byte[] ulaw) { played.writeBytes(ulaw); }

    @Override public void clear() { actions.add("clear"); }

    @Override public synchronized long playedMillis() { return played.size() / 8; }

    @Override public void sendDigits(String digits) { actions.add("digits " + digits); }

    @Override public void transfer(String number) { actions.add("transfer " + number); end("transferred"); }

    /** What a conference transfer's operator was given to hear, μ-law (the last one). */
    public volatile byte[] operatorAudio;

    @Override public String conference(String number, OperatorMessage message) {
        byte[] audio = message.audio().get();
        operatorAudio = audio;
        actions.add("conference " + number + ": " + message.text() + (audio.length > 0 ? " (" + audio.length / 8 + " ms spoken)" : ""));
        end("transferred");
        return null;
    }

    @Override public void hangUp() {
        actions.add("hangUp");
        end("hung up by the agent");
    }

    private void end(String reason) {
        if (over) return;
        over = true;
        hungUp.countDown();
        if (listener != null) listener.ended(reason);
    }

    /** μ-law the agent has played so far. */
    public synchronized byte[] played() { return played.toByteArray(); }

    public boolean opened() { return opened.getCount() == 0; }

    /** Waits up to {@code seconds} for the agent side to hang up (or transfer). */
    public boolean awaitHangUp(int seconds) throws InterruptedException { return hungUp.await(seconds, TimeUnit.SECONDS); }

    /** The caller says {@code ulaw} (μ-law 8 kHz): 20 ms frames at real time, on the calling thread. */
    public void say(byte[] ulaw) throws InterruptedException {
        long start = System.nanoTime();
        for (int at = 0, n = 0; at < ulaw.length && !over; at += FRAME_BYTES, n++) {
            listener.audio(java.util.Arrays.copyOfRange(ulaw, at, Math.min(ulaw.length, at + FRAME_BYTES)));
            long due = start + (n + 1) * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The caller hangs up. */
    public void callerHangsUp() {
        if (over) return;
        over = true;
        hungUp.countDown();
        listener.ended("The caller hung up");
    }

    /** The caller presses {@code key}. */
    public void press(char key) { listener.digit(key); }
}
