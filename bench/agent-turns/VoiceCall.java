import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;

/**
 * One voice conversation driven like a microphone and a speaker: from {@link #open} on, one 20 ms
 * {@code user_audio_chunk} (16 kHz s16le, 640 bytes) every 20 ms of wall time on a drift-free schedule — the current
 * utterance, else silence. A {@link #turn} speaks one utterance, then sends silence until the first {@code audio}
 * event of a response newer than any heard while the user was still speaking arrives (a reply that starts before the
 * utterance's last voiced chunk answered a premature end of turn: counted in {@link Turn#earlyReplies}, not measured),
 * then keeps sending silence while that reply "plays" (its audio duration from its first chunk's arrival, at real
 * time) plus {@link #PAUSE_MS}, so the next utterance never barges in. Not
 * thread-safe: one thread runs it; the socket's listener thread only stamps and queues frames
 * ({@link BenchConversation}).
 */
final class VoiceCall implements AutoCloseable {
    /**
     * One measured turn: the send time of the chunk holding the last voiced sample → the first audio event's arrival;
     * {@code earlyReplies}: responses whose audio began while the user was still speaking.
     */
    record Turn(double latencyMs, int earlyReplies) {}

    static final int CHUNK_MS = 20;
    static final int CHUNK_BYTES = 16000 * 2 * CHUNK_MS / 1000;
    static final long PAUSE_MS = 600;
    static final long REPLY_TIMEOUT_MS = 20_000;
    private static final byte[] SILENCE = new byte[CHUNK_BYTES];
    private static final long CHUNK_NANOS = CHUNK_MS * 1_000_000L;

    private final BenchConversation talk = new BenchConversation();
    private long nextSendNanos;
    private int lastEventId;
    private int transcripts;

    void open(java.net.http.HttpClient http, String ws, String agentId) throws Exception {
        talk.open(http, ws, agentId, false);
        nextSendNanos = System.nanoTime();
    }

    /**
     * Speaks {@code u} and waits for the reply. Returns the measured turn, or null when no reply audio came within
     * {@link #REPLY_TIMEOUT_MS} of the end of the utterance. Throws on an {@code error} event or a closed socket.
     */
    Turn turn(Utterances.Utterance u) throws Exception {
        int chunks = (u.pcm().length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        int voicedChunk = Math.max(0, (u.voicedEnd() - 1) * 2 / CHUNK_BYTES);
        long voicedSentAt = 0;
        int early = 0;
        long firstAudioAt = 0;
        int reply = -1;
        nextSendNanos = Math.max(nextSendNanos, System.nanoTime()); // after a pause (another path's turn): real time again, no burst
        long replyBytes = 0;
        for (int i = 0; i < chunks; i++) {
            long at = tick(Arrays.copyOfRange(u.pcm(), i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)); // zero-padded at the end
            if (i == voicedChunk) voicedSentAt = at;
            for (BenchConversation.Frame f; (f = talk.poll(0)) != null; ) {
                int id = audioEventId(f);
                if (id > lastEventId && firstAudioAt == 0) {
                    if (voicedSentAt == 0 || f.atNanos() < voicedSentAt) { early++; lastEventId = id; } // answered a premature end of turn
                    else { firstAudioAt = f.atNanos(); reply = id; } // the reply came during the utterance's trailing silence
                }
                if (id == reply) replyBytes += audioBytes(f.json());
            }
        }
        long deadline = System.nanoTime() + REPLY_TIMEOUT_MS * 1_000_000;
        while (firstAudioAt == 0) {
            if (System.nanoTime() > deadline) return null;
            tick(SILENCE);
            for (BenchConversation.Frame f; (f = talk.poll(0)) != null; ) {
                int id = audioEventId(f);
                if (id > lastEventId && firstAudioAt == 0) { firstAudioAt = f.atNanos(); reply = id; }
                if (id == reply) replyBytes += audioBytes(f.json());
            }
        }
        long lastAudioAt = firstAudioAt;
        while (true) {
            tick(SILENCE);
            long now = System.nanoTime();
            for (BenchConversation.Frame f; (f = talk.poll(0)) != null; ) {
                if (audioEventId(f) == reply) { replyBytes += audioBytes(f.json()); lastAudioAt = f.atNanos(); }
            }
            long playedUntil = firstAudioAt + replyBytes / 2 * 1_000_000_000L / 16000; // the agent speaks pcm_16000
            if (now > playedUntil + PAUSE_MS * 1_000_000 && now - lastAudioAt > 300_000_000L) break;
        }
        lastEventId = reply;
        return new Turn((firstAudioAt - voicedSentAt) / 1e6, early);
    }

    /** Waits for the next 20 ms slot, sends {@code chunk}, returns the send time (nanoTime). */
    private long tick(byte[] chunk) {
        long wait = nextSendNanos - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        nextSendNanos += CHUNK_NANOS;
        long at = System.nanoTime();
        talk.sendAudio(chunk);
        return at;
    }

    /** The {@code user_transcript} events so far: one per user turn the server ended (more than the utterances: a turn ended inside one). */
    int transcripts() { return transcripts; }

    /** The event id of an {@code audio} frame, -1 for other frames (counting transcripts); throws on an {@code error} frame. */
    private int audioEventId(BenchConversation.Frame f) {
        JsonNode json = f.json();
        String type = json.path("type").asText();
        if (type.equals("user_transcript")) transcripts++;
        if (type.equals("error")) throw new IllegalStateException("error frame: " + json);
        return type.equals("audio") ? json.path("audio_event").path("event_id").asInt(-1) : -1;
    }

    private static long audioBytes(JsonNode json) {
        return Base64.getDecoder().decode(json.path("audio_event").path("audio_base_64").asText()).length;
    }

    @Override
    public void close() {
        talk.close();
    }
}
