package dev.timbre.audionative;

import dev.timbre.storage.BlobStore;
import dev.timbre.studio.Studio;

/** Audio Native assembled for the composition root: its API routes ({@code /v1/audio-native}) and the public player's. */
public final class AudioNative {
    private final AudioNativeService service;
    private final long maxUploadBytes;

    public AudioNative(Studio studio, BlobStore blobs, long maxUploadBytes) {
        this.service = new AudioNativeService(studio, blobs);
        this.maxUploadBytes = maxUploadBytes;
    }

    public AudioNativeRoutes routes() {
        return new AudioNativeRoutes(service, maxUploadBytes);
    }

    public PlayerRoutes playerRoutes() {
        return new PlayerRoutes(service);
    }
}
