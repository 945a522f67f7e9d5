package dev.timbre.agent.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A phone call's transport for tests: a {@link RecordingListener} whose {@link PhoneControl} records what the agent
 * did to the line, and whose speech is "heard" when the test says so ({@link #speechHeard}) while {@link #holdSpeech}.
 */
final class FakePhone extends RecordingListener implements PhoneControl {
    final String provider;
    /** What was done to the line, in order: {@code transfer <destination> <type>}, {@code digits <tones>}. */
    final List<String> actions = new CopyOnWriteArrayList<>();
    /** The agent messages transfers were given. */
    final List<String> agentMessages = new CopyOnWriteArrayList<>();
    /** The threads transfers ran on. */
    final List<String> transferThreads = new CopyOnWriteArrayList<>();
    /** Why the carrier refuses transfers; null: it takes them. */
    volatile String refuse;
    boolean holdSpeech;
    private final List<Runnable> waiting = new ArrayList<>();

    FakePhone(String provider) { this.provider = provider; }

    @Override public PhoneControl phone() { return this; }

    @Override public void afterSpeech(Runnable task) {
        if (holdSpeech) waiting.add(task);
        else task.run();
    }

    /** The caller heard the speech so far: what waited for it runs (on the loop: the test's thread). */
    void speechHeard() {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(Runnable::run);
    }

    @Override public String provider() { return provider; }

    @Override public String transfer(String destination, String transferType, String agentMessage) throws Failed {
        transferThreads.add(Thread.currentThread().getName());
        actions.add("transfer " + destination + " " + transferType);
        agentMessages.add(agentMessage);
        if (refuse != null) throw new Failed(refuse);
        return "conference".equals(transferType) && provider.equals("twilio") ? "transfer-test" : null;
    }

    @Override public void sendDigits(String digits) { actions.add("digits " + digits); }
}
