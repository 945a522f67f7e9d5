package dev.timbre.voices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order premade voices are listed in, so that code taking "the first voice" (the SDK's {@code voices.search()})
 * gets a sensible one: the main engine's first English voice (the default) first; then English voices, the main
 * engine's before the others'; then every other language, the main engine's first. Within a group the engines keep
 * their load order and each engine its own voice order (the sort is stable). Stateless.
 */
final class VoiceOrder {
    private VoiceOrder() {}

    /** {@code voices} in listing order; {@code mainProvider} null: the first voice's provider is the main one. */
    static List<PremadeVoices.Premade> sort(List<PremadeVoices.Premade> voices, String mainProvider) {
        if (voices.isEmpty()) return List.of();
        String main = mainProvider != null && voices.stream().anyMatch(v -> v.provider().equals(mainProvider))
                ? mainProvider : voices.get(0).provider();
        List<PremadeVoices.Premade> sorted = new ArrayList<>(voices);
        sorted.sort(Comparator.comparingInt(v -> group(v, main)));
        return sorted;
    }

    /** 0: main English, 1: other English, 2: main other languages, 3: the rest. */
    private static int group(PremadeVoices.Premade v, String main) {
        boolean english = "en".equalsIgnoreCase(v.descriptor().language());
        boolean isMain = v.provider().equals(main);
        return english ? (isMain ? 0 : 1) : (isMain ? 2 : 3);
    }

    /** The engine voice's own description, naming the base voice: {@code … (engine marytts, voice cmu-slt-hsmm)}. */
    static String describe(PremadeVoices.Premade p) {
        String own = p.descriptor().description();
        String base = "engine " + p.provider() + ", voice " + p.descriptor().id();
        return own == null || own.isBlank() ? "Premade voice (" + base + ")" : own + " (" + base + ")";
    }
}
