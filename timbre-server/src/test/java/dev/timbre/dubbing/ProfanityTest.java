package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Profanity}: whole words, any case, English and Spanish; other words and parts of words untouched. */
class ProfanityTest {
    @Test
    void censors_whole_listed_words_in_any_case() {
        assertThat(Profanity.censor("What the FUCK, this is Shit!")).isEqualTo("What the [censored], this is [censored]!");
        assertThat(Profanity.censor("Esto es una mierda, joder. ¡Cabrón!")).isEqualTo("Esto es una [censored], [censored]. ¡[censored]!");
        assertThat(Profanity.censor("COÑO")).isEqualTo("[censored]");
    }

    @Test
    void leaves_other_words_and_parts_of_words() {
        assertThat(Profanity.censor("Scunthorpe class assessment of the shitake cockpit")).isEqualTo("Scunthorpe class assessment of the shitake cockpit");
        assertThat(Profanity.censor("computadora")).isEqualTo("computadora");
        assertThat(Profanity.censor(null)).isNull();
        assertThat(Profanity.censor("")).isEmpty();
    }

    @Test
    void longer_listed_words_win_over_their_prefixes() {
        assertThat(Profanity.compile(List.of("shit", "shithead")).matcher("you shithead").replaceAll("X")).isEqualTo("you X");
    }
}
