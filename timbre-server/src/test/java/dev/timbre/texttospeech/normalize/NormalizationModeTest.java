package dev.timbre.texttospeech.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizationModeTest {
    @Test
    void parses_the_wire_values() {
        assertThat(Mode.fromApi(null)).isEqualTo(Mode.AUTO);
        assertThat(Mode.fromApi("")).isEqualTo(Mode.AUTO);
        assertThat(Mode.fromApi("auto")).isEqualTo(Mode.AUTO);
        assertThat(Mode.fromApi("on")).isEqualTo(Mode.ON);
        assertThat(Mode.fromApi("OFF")).isEqualTo(Mode.OFF);
        assertThat(Mode.fromApi("apply_english")).isEqualTo(Mode.ON);
        assertThatThrownBy(() -> Mode.fromApi("sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sometimes");
    }

    @Test
    void only_off_leaves_text_alone() {
        assertThat(Mode.AUTO.normalizes()).isTrue();
        assertThat(Mode.ON.normalizes()).isTrue();
        assertThat(Mode.OFF.normalizes()).isFalse();
    }
}
