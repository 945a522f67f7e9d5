package dev.timbre.convai.postcall;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The conversations' stored MP3 recordings, as post-call webhooks read them (e.g. {@code ConversationAudio::open}). */
@FunctionalInterface
public interface StoredRecordings {
    /** The recording of a conversation, opened (the caller closes it); empty when there is none. Thread-safe. */
    Optional<InputStream> open(String conversationId) throws IOException;
}
