package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.VoiceTuning;
import dev.timbre.http.ApiException;
import org.junit.jupiter.api.Test;

class VoiceSettingsTest {
    @Test
    void defaults_are_the_seed_defaults_and_map_to_the_default_tuning() {
        assertThat(VoiceSettings.DEFAULT).isEqualTo(new VoiceSettings(0.5, true, 0.75, 0.0, 1.0));
        assertThat(VoiceSettings.DEFAULT.toTuning()).isEqualTo(VoiceTuning.DEFAULT);
    }

    @Test
    void null_fields_take_the_base_value() {
        VoiceSettings partial = new VoiceSettings(0.2, null, null, 0.3, null);
        assertThat(partial.over(VoiceSettings.DEFAULT)).isEqualTo(new VoiceSettings(0.2, true, 0.75, 0.3, 1.0));
        assertThat(partial.toTuning()).isEqualTo(new VoiceTuning(0.2, 0.75, 0.3, true, 1.0));
    }

    @Test
    void out_of_range_values_are_422_violations_naming_each_field() {
        assertThatThrownBy(() -> new VoiceSettings(1.5, true, -0.1, 0.0, 2.0).validate("body"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.violations()).extracting(v -> v.loc().get(1))
                            .containsExactly("stability", "similarity_boost", "speed");
                });
        assertThatThrownBy(() -> new VoiceSettings(Double.NaN, null, null, null, null).validate("body")).isInstanceOf(ApiException.class);
        assertThat(new VoiceSettings(0.0, false, 1.0, 1.0, 0.7).validate("body")).isNotNull();
    }
}
