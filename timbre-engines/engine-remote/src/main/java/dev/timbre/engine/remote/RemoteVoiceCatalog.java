package dev.timbre.engine.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.VoiceDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * Which voices a remote provider offers, decided once when the engine loads: the server's own listing when it answers
 * (kept in {@code cacheFile}); else the last listing kept there (a server that is down keeps its voices listed); else
 * the operator's configured voice ids; else the provider's built-in defaults. Immutable after construction.
 */
final class RemoteVoiceCatalog {
    /** Where the voices came from, for the engine's description. */
    enum Source { SERVER, CACHE, CONFIGURED, DEFAULTS }

    private final List<VoiceDescriptor> voices;
    private final Source source;

    private RemoteVoiceCatalog(List<VoiceDescriptor> voices, Source source) {
        this.voices = List.copyOf(voices);
        this.source = source;
    }

    /**
     * @param listing asks the server (may throw {@link EngineException}, or return empty when it cannot list)
     * @param configured the operator's voice ids ({@code TIMBRE_TTS_VOICES}); may be empty
     * @param describe turns a configured or default voice id into a descriptor
     * @param cacheFile where the last listing is kept; null keeps none
     */
    static RemoteVoiceCatalog load(Supplier<List<VoiceDescriptor>> listing, List<String> configured,
                                   Function<String, VoiceDescriptor> describe, List<String> defaults, Path cacheFile) {
        try {
            List<VoiceDescriptor> listed = listing.get();
            if (!listed.isEmpty()) {
                save(listed, cacheFile);
                return new RemoteVoiceCatalog(listed, Source.SERVER);
            }
        } catch (EngineException | IllegalArgumentException e) {
            // down or unable to list: the cache, the configuration or the defaults below
        }
        List<VoiceDescriptor> cached = read(cacheFile);
        if (!cached.isEmpty()) return new RemoteVoiceCatalog(cached, Source.CACHE);
        if (!configured.isEmpty()) return new RemoteVoiceCatalog(configured.stream().map(describe).toList(), Source.CONFIGURED);
        return new RemoteVoiceCatalog(defaults.stream().map(describe).toList(), Source.DEFAULTS);
    }

    List<VoiceDescriptor> voices() { return voices; }

    boolean offers(String voiceId) {
        return voices.stream().anyMatch(v -> v.id().equals(voiceId));
    }

    private static void save(List<VoiceDescriptor> voices, Path file) {
        if (file == null) return;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.write(part, RemoteSpeechServer.JSON.writeValueAsBytes(voices));
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // a cache that cannot be written only costs the listing when the server is down at the next start
        }
    }

    private static List<VoiceDescriptor> read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return List.of();
        try {
            return RemoteSpeechServer.JSON.readValue(file.toFile(), new TypeReference<List<VoiceDescriptor>>() {});
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The engine's description: {@code server}, its model, where these voices came from, and their languages. */
    EngineInfo info(String provider, String server, String model) {
        return new EngineInfo(provider, server + " (model " + model + ", voices from " + source.name().toLowerCase(java.util.Locale.ROOT) + ")",
                new EngineCapabilities(voices.stream().map(VoiceDescriptor::language).collect(Collectors.toSet()), false, false, false));
    }
}
