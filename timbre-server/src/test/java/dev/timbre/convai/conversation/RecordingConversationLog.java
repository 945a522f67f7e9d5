package dev.timbre.convai.conversation;

import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.convai.recording.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory {@link ConversationLog}: what was recorded, by conversation id, and the order of calls. */
public final class RecordingConversationLog implements ConversationLog {
    final Map<String, ConversationStart> starts = new ConcurrentHashMap<>();
    final Map<String, List<TranscriptEntry>> transcripts = new ConcurrentHashMap<>();
    final Map<String, ConversationEnd> ends = new ConcurrentHashMap<>();
    public final Map<String, RecordedCall> recordings = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override public void started(ConversationStart start) {
        starts.put(start.conversationId(), start);
        calls.add("started " + start.conversationId());
    }

    @Override public void updated(String conversationId, List<TranscriptEntry> transcript) {
        transcripts.put(conversationId, transcript);
        calls.add("updated " + conversationId);
    }

    @Override public void audioRecorded(String conversationId, RecordedCall audio) {
        recordings.put(conversationId, audio);
        calls.add("audioRecorded " + conversationId);
    }

    /** When set, {@link #ended} counts {@code endReached} down and waits (up to 10 s) for {@code releaseEnd}. */
    volatile java.util.concurrent.CountDownLatch endReached, releaseEnd;

    @Override public void ended(String conversationId, ConversationEnd end) {
        var reached = endReached;
        var release = releaseEnd;
        if (reached != null && release != null) {
            reached.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ends.put(conversationId, end);
        calls.add("ended " + conversationId);
    }

    @Override public void initiationFailed(String agentId, String conversationId, String reason) {
        calls.add("initiationFailed " + agentId + " " + reason);
    }

    @Override public void feedback(String conversationId, String score, int eventId) {
        calls.add("feedback " + conversationId + " " + score + " " + eventId);
    }

    /** Waits (up to 10 s) for the end of {@code conversationId}. */
    ConversationEnd awaitEnd(String conversationId) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            ConversationEnd e = ends.get(conversationId);
            if (e != null) return e;
            try { Thread.sleep(10); } catch (InterruptedException x) { throw new AssertionError(x); }
        }
        throw new AssertionError("conversation " + conversationId + " did not end");
    }
}
