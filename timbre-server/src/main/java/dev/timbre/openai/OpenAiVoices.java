package dev.timbre.openai;

import dev.timbre.voices.PremadeVoices;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenAI's voice names on Timbre's premade voices. The names, in this fixed order, take the premade voices in
 * {@link PremadeVoices#all()} order (engines in load order, voices in engine order), wrapping around when there are
 * fewer: name {@code i} is premade voice {@code i mod count}. With the fake engine's two voices alloy, ballad, echo,
 * nova, shimmer speak with the first and ash, coral, fable, onyx, sage, verse with the second.
 */
public final class OpenAiVoices {
    public static final List<String> NAMES =
            List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse");

    private final PremadeVoices premade;

    public OpenAiVoices(PremadeVoices premade) {
        this.premade = premade;
    }

    /** The premade voice id an OpenAI name (any case) speaks with; empty for other names or when no voice is loaded. */
    public Optional<String> voiceId(String name) {
        int i = NAMES.indexOf(name.toLowerCase(Locale.ROOT));
        List<PremadeVoices.Premade> all = premade.all();
        if (i < 0 || all.isEmpty()) return Optional.empty();
        return Optional.of(all.get(i % all.size()).voiceId());
    }
}
