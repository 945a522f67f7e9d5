package dev.timbre.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.fake.ToneTextToSpeech;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class EngineCatalogTest {
    private static final Map<String, Supplier<TextToSpeech>> PROVIDERS = Map.of(
            "fake", ToneTextToSpeech::new,
            "main", ToneTextToSpeech::new,
            "extra", ToneTextToSpeech::new,
            "broken", () -> { throw new EngineException("not installed"); });

    private static Map<String, BooleanSupplier> installed(boolean extra, boolean broken) {
        Map<String, BooleanSupplier> m = new LinkedHashMap<>();
        m.put("extra", () -> extra);
        m.put("broken", () -> broken);
        return m;
    }

    private static Map<String, TextToSpeech> loaded(List<String> required, List<String> extra, Map<String, BooleanSupplier> installed)
            throws Exception {
        EngineCatalog catalog = EngineCatalog.load(PROVIDERS, installed, required, extra);
        catalog.awaitReady(10_000);
        assertThat(catalog.ready()).isTrue();
        assertThat(catalog.failed()).isFalse();
        return catalog.textToSpeech();
    }

    @Test
    void auto_loads_the_installed_optional_engines_after_the_main_one() throws Exception {
        assertThat(loaded(List.of("main"), List.of("auto"), installed(true, false))).containsOnlyKeys("main", "extra");
        assertThat(loaded(List.of("main"), List.of("auto"), installed(false, false))).containsOnlyKeys("main");
        assertThat(loaded(List.of("main"), List.of("auto"), installed(true, false)).keySet()).containsExactly("main", "extra");
    }

    @Test
    void auto_loads_nothing_beside_the_fake_engine() throws Exception {
        assertThat(loaded(List.of("fake"), List.of("auto"), installed(true, true))).containsOnlyKeys("fake");
        assertThat(loaded(List.of("fake"), List.of("extra"), installed(true, true))).containsOnlyKeys("fake", "extra");
    }

    @Test
    void an_optional_engine_that_fails_to_load_is_skipped_and_the_catalogue_is_ready() throws Exception {
        assertThat(loaded(List.of("main"), List.of("broken", "extra"), installed(true, true))).containsOnlyKeys("main", "extra");
        assertThat(loaded(List.of("main"), List.of("auto"), installed(true, true))).containsOnlyKeys("main", "extra");
        assertThat(loaded(List.of("main"), List.of("none"), installed(true, true))).containsOnlyKeys("main");
    }

    @Test
    void a_main_engine_that_fails_still_fails_the_catalogue_and_unknown_names_are_refused() {
        EngineCatalog catalog = EngineCatalog.load(PROVIDERS, installed(true, true), List.of("broken"), List.of());
        assertThatThrownBy(() -> catalog.awaitReady(10_000)).hasRootCauseInstanceOf(EngineException.class);
        assertThat(catalog.failed()).isTrue();
        assertThatThrownBy(() -> EngineCatalog.load(List.of("fake"), List.of("festival")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("festival");
    }

    @Test
    void the_real_catalogue_knows_the_process_engines() {
        assertThat(EngineCatalog.textToSpeechProviders()).contains("marytts", "fake", "espeak-ng", "flite");
    }
}
