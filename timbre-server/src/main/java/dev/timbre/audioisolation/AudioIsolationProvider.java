package dev.timbre.audioisolation;

import java.io.InputStream;

/**
 * A generative isolation model behind HTTP that takes over from the embedded suppressor when configured
 * ({@link RemoteAudioIsolation}). Implementations are thread-safe.
 */
public interface AudioIsolationProvider {
    /**
     * The isolated audio (MP3) for an upload, as the provider sends it; the caller closes the stream.
     *
     * @param fileFormat {@code pcm_s16le_16} or {@code other}
     * @param stream     use the provider's streaming endpoint
     * @throws ProviderException when the provider fails or cannot be reached
     */
    InputStream isolate(byte[] audio, String fileFormat, boolean stream);

    /** The provider failed: its HTTP status (0 when it could not be reached) and a short reason. */
    final class ProviderException extends RuntimeException {
        private final int status;

        public ProviderException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() { return status; }
    }
}
