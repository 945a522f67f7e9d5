package dev.timbre.access;

import static dev.timbre.access.Permission.*;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one route → permission table. A rule covers a path prefix (whole segments: {@code /v1/voices} covers
 * {@code /v1/voices/add}, not {@code /v1/voices-x}); reads ({@code GET}, {@code HEAD} and WebSocket upgrades, written
 * {@code WS}) need its read permission, every other method its write permission. The longest matching prefix wins;
 * an exact {@code METHOD path} override wins over every prefix. Stateless and thread-safe.
 */
public final class RoutePermissions {
    private record Rule(String prefix, Permission read, Permission write) {}

    private record Exact(String method, String path, Permission permission) {}

    private static final List<Rule> RULES = List.of(
            new Rule("/v1/text-to-speech", TEXT_TO_SPEECH, TEXT_TO_SPEECH),
            new Rule("/v1/text-to-dialogue", TEXT_TO_SPEECH, TEXT_TO_SPEECH),
            new Rule("/v1/audio/speech", TEXT_TO_SPEECH, TEXT_TO_SPEECH), // the OpenAI alias
            new Rule("/v1/audio/transcriptions", SPEECH_TO_TEXT, SPEECH_TO_TEXT), // the OpenAI alias
            new Rule("/v1/speech-to-text", SPEECH_TO_TEXT, SPEECH_TO_TEXT),
            new Rule("/v1/forced-alignment", FORCED_ALIGNMENT, FORCED_ALIGNMENT),
            new Rule("/v1/speech-to-speech", SPEECH_TO_SPEECH, SPEECH_TO_SPEECH),
            new Rule("/v1/sound-generation", SOUND_GENERATION, SOUND_GENERATION),
            new Rule("/v1/audio-isolation", AUDIO_ISOLATION, AUDIO_ISOLATION),
            new Rule("/v1/music", MUSIC_GENERATION, MUSIC_GENERATION),
            new Rule("/v1/text-to-voice", VOICE_GENERATION, VOICE_GENERATION),
            new Rule("/v1/voices", VOICES_READ, VOICES_WRITE),
            new Rule("/v2/voices", VOICES_READ, VOICES_WRITE),
            new Rule("/v1/similar-voices", VOICES_READ, VOICES_READ),
            new Rule("/v1/models", MODELS_READ, MODELS_WRITE),
            new Rule("/v1/history", SPEECH_HISTORY_READ, SPEECH_HISTORY_WRITE),
            new Rule("/v1/dubbing", DUBBING_READ, DUBBING_WRITE),
            new Rule("/v1/pronunciation-dictionaries", PRONUNCIATION_DICTIONARIES_READ, PRONUNCIATION_DICTIONARIES_WRITE),
            new Rule("/v1/studio", PROJECTS_READ, PROJECTS_WRITE),
            new Rule("/v1/audio-native", AUDIO_NATIVE_READ, AUDIO_NATIVE_WRITE),
            new Rule("/v1/user", USER_READ, USER_WRITE),
            new Rule("/v1/usage", USER_READ, USER_WRITE),
            new Rule("/v1/workspace", WORKSPACE_READ, WORKSPACE_WRITE),
            new Rule("/v1/service-accounts", WORKSPACE_READ, WORKSPACE_WRITE),
            new Rule("/v1/convai", CONVAI_READ, CONVAI_WRITE),
            new Rule("/v1/timbre", WORKSPACE_READ, WORKSPACE_WRITE)); // Timbre's own status endpoints (not ElevenLabs')

    private static final List<Exact> EXACT = List.of(
            new Exact("POST", "/v1/history/download", SPEECH_HISTORY_READ), // reads audio, changes nothing
            new Exact("POST", "/v1/convai/llm-usage/calculate", CONVAI_READ)); // an estimate, changes nothing

    private RoutePermissions() {}

    /**
     * The permission {@code method} on {@code path} needs; empty when no rule covers the path (only an {@code all}
     * key may call it).
     *
     * @param method an HTTP method or {@code WS}
     * @param path   a request path ({@code /v1/voices/abc}) or a route template ({@code /v1/voices/{voice_id}})
     */
    public static Optional<Permission> required(String method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Exact e : EXACT) if (e.method().equals(method) && e.path().equals(p)) return Optional.of(e.permission());
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("WS");
        return RULES.stream()
                .filter(r -> p.equals(r.prefix()) || p.startsWith(r.prefix() + "/"))
                .max(Comparator.comparingInt(r -> r.prefix().length()))
                .map(r -> read ? r.read() : r.write());
    }
}
