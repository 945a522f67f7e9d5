package dev.timbre.convai.conversations;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import dev.timbre.storage.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Conversation recordings in the {@link BlobStore}: one MP3 (mono, 16 kHz, 32 kbit/s CBR) per conversation under
 * {@code convai/conversations/{conversation_id}/audio.mp3}, written atomically (the store's contract); while a call
 * runs, its parts ({@link #live()}, {@link LiveParts}). Thread-safe;
 * {@link #store} encodes on the calling thread (about a second per hour of audio), so call it off the session loop.
 */
public final class ConversationAudio {
    /** The stored format: speech at the recording's own rate, no resampling. */
    public static final OutputFormat FORMAT = new OutputFormat(OutputFormat.Codec.MP3, CallRecording.SAMPLE_RATE, 32);

    private final BlobStore blobs;
    private final LiveRecordings live;

    public ConversationAudio(BlobStore blobs) {
        this.blobs = blobs;
        this.live = new LiveRecordings(blobs);
    }

    /** The parts of running calls' recordings in the same store. */
    public LiveRecordings live() { return live; }

    public static String key(String conversationId) {
        return "convai/conversations/" + conversationId + "/audio.mp3";
    }

    /** Encodes and stores the recording; returns what it holds ({@link AudioFlags#NONE} for an empty one, not stored). */
    public AudioFlags store(String conversationId, RecordedCall audio) throws IOException {
        if (audio.isEmpty()) return AudioFlags.NONE;
        blobs.put(key(conversationId), mp3(audio));
        return new AudioFlags(true, audio.hasUserAudio(), audio.hasAgentAudio());
    }

    /** The stored MP3, to be closed by the caller; empty when there is none. */
    public Optional<InputStream> open(String conversationId) throws IOException {
        return blobs.open(key(conversationId));
    }

    public void delete(String conversationId) throws IOException {
        blobs.delete(key(conversationId));
    }

    static byte[] mp3(RecordedCall audio) {
        AudioEncoder encoder = AudioEncoder.create(CallRecording.SAMPLE_RATE, FORMAT);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, audio.durationMillis() * 4 + 4096));
        audio.pcm(pcm -> out.writeBytes(encoder.encode(pcm)));
        out.writeBytes(encoder.finish());
        return out.toByteArray();
    }
}
