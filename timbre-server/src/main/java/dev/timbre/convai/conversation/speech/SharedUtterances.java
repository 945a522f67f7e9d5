package dev.timbre.convai.conversation.speech;

import dev.timbre.speech.SpeechScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Utterances that many conversations speak alike — the same script: text, engine, voice and tuning, typically an
 * agent's first message — synthesised once. While a synthesis runs, every conversation that asks for the same script
 * reads its chunks as they come ({@link UtteranceRecording}); a script asked for again after an earlier synthesis of it
 * ended is kept once complete and replayed from memory (least recently used first out past {@code maxBytes}). So a
 * burst of calls to one agent costs one greeting synthesis, not one per call. Only scripts of at most
 * {@link #MAX_CHARS} characters are shared; longer ones are synthesised per conversation.
 *
 * <p>Thread-safe. Replayed chunks are copies: a reader may keep or change its audio.
 */
final class SharedUtterances {
    /** The longest script (characters of text) that is shared: about half a minute of speech. */
    static final int MAX_CHARS = 600;
    /** How many scripts are remembered as asked for (so that the second synthesis of one is kept). */
    private static final int ASKED_REMEMBERED = 1024;

    private final long maxBytes;
    private final Map<List<Object>, UtteranceRecording> running = new HashMap<>();
    private final LinkedHashMap<List<Object>, UtteranceRecording> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<List<Object>, Boolean> asked = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Boolean> eldest) {
            return size() > ASKED_REMEMBERED;
        }
    };
    private long keptBytes;

    /** @param maxBytes the most PCM kept for replay, in bytes (0: nothing kept, bursts still shared) */
    SharedUtterances(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The chunks of {@code script} for one reader: replayed when kept, read along when another conversation is
     * synthesising it now, else synthesised by this reader with {@code synthesis} (and read along by others).
     */
    UtteranceSource open(SpeechScript script, UtteranceSource.Opener synthesis) throws InterruptedException {
        List<Object> key = key(script);
        if (key == null) return UtteranceSource.direct(synthesis.open());
        UtteranceRecording recording;
        synchronized (this) {
            UtteranceRecording done = kept.get(key);
            if (done != null) return done.follower(false);
            UtteranceRecording live = running.get(key);
            if (live != null && live.join()) return live.follower(true);
            boolean again = asked.put(key, Boolean.TRUE) != null;
            recording = new UtteranceRecording(r -> ended(key, r, again));
            running.put(key, recording);
        }
        return recording.lead(synthesis); // opening may wait for a synthesis slot: not under this lock
    }

    /** Scripts kept for replay now. */
    synchronized int keptCount() {
        return kept.size();
    }

    /** Called by a recording once complete, failed or given up (its lock not held). */
    private synchronized void ended(List<Object> key, UtteranceRecording r, boolean askedBefore) {
        if (running.get(key) == r) running.remove(key);
        if (!r.complete() || !(askedBefore || r.sharedLive()) || r.bytes() > maxBytes) return;
        if (kept.put(key, r) == null) keptBytes += r.bytes();
        var eldest = kept.entrySet().iterator();
        while (keptBytes > maxBytes && eldest.hasNext()) {
            keptBytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    /** What makes two scripts sound alike; null for a script too long to share. */
    private static List<Object> key(SpeechScript script) {
        List<Object> key = new ArrayList<>();
        int chars = 0;
        for (SpeechScript.Segment s : script.segments()) {
            chars += s.text().original().length();
            key.add(s.engine() == null ? "silent" : s.engine()); // engines compare by identity: one instance per server
            key.add(s.request() == null ? "" : s.request());
            key.add(s.text().original());
            key.add(s.text().normalized());
            key.add(s.pauseSeconds());
        }
        key.add(script.format() == null ? "pcm" : script.format());
        return chars > MAX_CHARS ? null : List.copyOf(key);
    }
}
