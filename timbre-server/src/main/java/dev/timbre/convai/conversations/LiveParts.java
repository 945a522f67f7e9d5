package dev.timbre.convai.conversations;

import dev.timbre.convai.recording.CallRecording;
import dev.timbre.storage.BlobSequence;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running call's recording in the {@link BlobStore}, as any node sees them: part {@code n} under
 * {@code convai/conversations/{id}/live/{nnnnn}.mp3}, numbered from 0 with no gaps (one writer per call, in order;
 * see {@link LiveRecordings}). Concatenated in order they are one MP3 stream (mono 16 kHz 32 kbit/s, as the stored
 * recording). Readers open parts one at a time (never the whole call in memory). Thread-safe; blocking (blob I/O).
 */
public final class LiveParts {
    /** The most parts a call can have: one per {@link LiveRecordings#INTERVAL_MS} of the longest recording, and some. */
    public static final int MAX_PARTS = (int) (CallRecording.MAX_SECONDS * 1000L / LiveRecordings.INTERVAL_MS) + 16;
    private static final Logger LOG = LoggerFactory.getLogger(LiveParts.class);

    private final BlobStore blobs;

    public LiveParts(BlobStore blobs) {
        this.blobs = blobs;
    }

    public static String key(String conversationId, int part) {
        return "convai/conversations/" + conversationId + "/live/" + String.format("%05d", part) + ".mp3";
    }

    /** Whether {@code key} is a live part; the conversation id is then its third segment. */
    public static boolean isPart(String key) {
        String[] s = key.split("/");
        return s.length == 5 && s[0].equals("convai") && s[1].equals("conversations") && s[3].equals("live")
                && s[4].matches("\\d{5}\\.mp3");
    }

    void put(String conversationId, int part, byte[] mp3) throws IOException {
        blobs.put(key(conversationId, part), mp3);
    }

    /**
     * The call so far as one MP3 stream, part after part, each opened when the previous one ends (the caller closes
     * it); empty when the call has no part. A part deleted meanwhile (the call ended) ends the stream there.
     */
    public Optional<InputStream> open(String conversationId) throws IOException {
        Iterator<String> keys = IntStream.range(0, MAX_PARTS).mapToObj(part -> key(conversationId, part)).iterator();
        return BlobSequence.open(blobs, keys, true);
    }

    /** Deletes the call's parts: at least the first {@code known}, then on until one is missing. */
    public void delete(String conversationId, int known) throws IOException {
        for (int part = 0; part < MAX_PARTS; part++) {
            if (!blobs.delete(key(conversationId, part)) && part >= known) return;
        }
    }

    void deleteQuietly(String conversationId, int part) {
        try {
            blobs.delete(key(conversationId, part));
        } catch (IOException e) {
            LOG.warn("could not delete live part {} of conversation {}: {}", part, conversationId, e.toString());
        }
    }

    /**
     * A call whose node stopped mid-call: its parts become its stored recording (streamed, part by part, into
     * {@code recordingKey}) and are deleted; false when it had none.
     */
    boolean keep(String conversationId, String recordingKey) throws IOException {
        Optional<InputStream> all = open(conversationId);
        if (all.isEmpty()) return false;
        try (InputStream in = all.get()) {
            blobs.put(recordingKey, in);
        }
        return true;
    }
}
