package dev.timbre.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TextToSpeechContract;
import dev.timbre.engine.VoiceDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class FliteTextToSpeechTest extends TextToSpeechContract {
    private static FliteTextToSpeech engine;

    @BeforeAll
    static void load() {
        ProcessEngineChecks.assumeInstalled("flite", FliteTextToSpeech.available());
        if (engine == null) engine = new FliteTextToSpeech();
    }

    @Override
    protected TextToSpeech engine() {
        return engine;
    }

    @Test
    void offers_the_built_in_voices_with_labels() {
        assertThat(engine.voices()).extracting(VoiceDescriptor::id).containsExactly("slt", "rms", "awb", "kal16", "kal");
        assertThat(engine.voices()).extracting(VoiceDescriptor::name).doesNotHaveDuplicates();
        assertThat(engine.voices()).allSatisfy(v -> {
            assertThat(v.language()).isEqualTo("en");
            assertThat(v.labels()).containsKeys("gender", "age", "accent", "use_case", "description");
        });
    }

    @Test
    void audio_is_audible_and_about_as_long_as_speech_should_be() throws Exception {
        ProcessEngineChecks.audibleWithPlausibleDuration(engine, "awb");
    }

    @Test
    void the_8_khz_voice_is_upsampled_to_the_stream_format() throws Exception {
        var speech = engine.synthesize(new SpeechRequest("Hello there.", "kal", "en", null, null));
        assertThat(speech.format().sampleRate()).isEqualTo(16_000);
        assertThat(speech.seconds()).isBetween(0.4, 3.0);
    }

    @Test
    void speed_changes_the_duration() throws Exception {
        ProcessEngineChecks.speedChangesDuration(engine, "slt");
    }

    @Test
    void closing_the_stream_stops_it() throws Exception {
        ProcessEngineChecks.cancelStops(engine, "kal16");
    }

    @Test
    void streams_sentence_by_sentence_with_the_first_audio_early() throws Exception {
        for (VoiceDescriptor v : engine.voices()) ProcessEngineChecks.logTiming(engine, v.id());
    }
}
