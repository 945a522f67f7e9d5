package dev.timbre.soundgeneration.recipes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A prompt read into a recipe: the named effects in the order the prompt names them (at most {@link #MAX_LAYERS},
 * the first loudest), or {@link Vocabulary#DEFAULT} when it names none; the natural length (the longest effect's); the
 * room size ({@link Vocabulary#space}). Immutable.
 */
public record SoundRecipe(List<String> effects, double naturalSeconds, double space) {
    static final int MAX_LAYERS = 3;

    public static SoundRecipe read(String prompt) {
        Set<Vocabulary.Effect> found = new LinkedHashSet<>();
        for (String word : prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) continue;
            for (Vocabulary.Effect e : Vocabulary.EFFECTS) {
                if (found.size() < MAX_LAYERS && e.words().stream().anyMatch(word::startsWith)) found.add(e);
            }
        }
        if (found.isEmpty()) found.add(Vocabulary.DEFAULT);
        List<String> names = new ArrayList<>();
        double seconds = 0;
        for (Vocabulary.Effect e : found) {
            names.add(e.name());
            seconds = Math.max(seconds, e.seconds());
        }
        return new SoundRecipe(List.copyOf(names), seconds, Vocabulary.space(prompt));
    }

    List<Vocabulary.Effect> layers() {
        List<Vocabulary.Effect> out = new ArrayList<>();
        for (String name : effects) {
            if (name.equals(Vocabulary.DEFAULT.name())) out.add(Vocabulary.DEFAULT);
            Vocabulary.EFFECTS.stream().filter(e -> e.name().equals(name)).findFirst().ifPresent(out::add);
        }
        return out;
    }
}
