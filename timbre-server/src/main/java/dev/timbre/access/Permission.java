package dev.timbre.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The permissions an API key can hold, named exactly as the OpenAPI's {@code permissions} enum. */
public enum Permission {
    TEXT_TO_SPEECH, SPEECH_TO_SPEECH, SPEECH_TO_TEXT, MODELS_READ, MODELS_WRITE, VOICES_READ, VOICES_WRITE,
    SPEECH_HISTORY_READ, SPEECH_HISTORY_WRITE, SOUND_GENERATION, AUDIO_ISOLATION, VOICE_GENERATION, DUBBING_READ,
    DUBBING_WRITE, PRONUNCIATION_DICTIONARIES_READ, PRONUNCIATION_DICTIONARIES_WRITE, USER_READ, USER_WRITE,
    PROJECTS_READ, PROJECTS_WRITE, AUDIO_NATIVE_READ, AUDIO_NATIVE_WRITE, WORKSPACE_READ, WORKSPACE_WRITE,
    FORCED_ALIGNMENT, CONVAI_READ, CONVAI_WRITE, MUSIC_GENERATION;

    /** The wire name, e.g. {@code text_to_speech}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permission with this wire name; empty for anything else (case matters, as in the OpenAPI). */
    public static Optional<Permission> parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
