package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.voice.AudioEncoding;
import java.util.Base64;

/**
 * Checks and decodes one {@code user_audio_chunk}: standard base64 (padding optional, no line breaks), not empty, a
 * whole number of samples (even length for PCM) and at most {@link #MAX_CHUNK_SECONDS} of audio in the conversation's
 * input encoding (clients send 50–250 ms; the socket's 4 MiB message limit is far above). Problems are
 * {@link IllegalArgumentException}s whose message goes into an {@code invalid_message} error event.
 */
final class UserAudioChunks {
    static final int MAX_CHUNK_SECONDS = 2;

    private UserAudioChunks() {}

    static byte[] decode(String base64, AudioEncoding input) {
        long maxBytes = (long) MAX_CHUNK_SECONDS * input.bytesPerSecond();
        if (base64.length() > (maxBytes + 2) / 3 * 4 + 4) throw tooLong(input);
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid user_audio_chunk: not valid base64 (" + e.getMessage() + ")");
        }
        if (audio.length == 0) throw new IllegalArgumentException("Invalid user_audio_chunk: no audio");
        if (audio.length > maxBytes) throw tooLong(input);
        if (audio.length % input.bytesPerSample() != 0) {
            throw new IllegalArgumentException("Invalid user_audio_chunk: " + audio.length + " bytes is not a whole number of 16-bit samples ("
                    + input.wireName() + ")");
        }
        return audio;
    }

    private static IllegalArgumentException tooLong(AudioEncoding input) {
        return new IllegalArgumentException("Invalid user_audio_chunk: more than " + MAX_CHUNK_SECONDS + " s of " + input.wireName()
                + " audio in one chunk; send smaller chunks");
    }
}
