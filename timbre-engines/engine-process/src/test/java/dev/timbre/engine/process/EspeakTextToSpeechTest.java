package dev.timbre.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TextToSpeechContract;
import dev.timbre.engine.VoiceDescriptor;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class EspeakTextToSpeechTest extends TextToSpeechContract {
    private static EspeakTextToSpeech engine;

    @BeforeAll
    static void load() {
        ProcessEngineChecks.assumeInstalled("espeak-ng", EspeakTextToSpeech.available());
        if (engine == null) engine = new EspeakTextToSpeech();
    }

    @Override
    protected TextToSpeech engine() {
        return engine;
    }

    @Test
    void offers_a_female_and_a_male_voice_per_language_with_labels_and_distinct_names() {
        List<VoiceDescriptor> voices = engine.voices();
        assertThat(voices).hasSizeGreaterThanOrEqualTo(20);
        assertThat(voices.get(0).id()).isEqualTo("en-us+f3");
        assertThat(voices).extracting(VoiceDescriptor::language).contains("en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "hi");
        assertThat(voices).extracting(VoiceDescriptor::name).doesNotHaveDuplicates();
        assertThat(voices).allSatisfy(v -> assertThat(v.labels()).containsKeys("gender", "age", "accent", "use_case", "description"));
        assertThat(voices).filteredOn(v -> v.language().equals("de")).extracting(v -> v.labels().get("gender"))
                .containsExactly("female", "male");
        assertThat(engine.info().capabilities().languages()).contains("en", "de", "ja", "ru");
    }

    @Test
    void audio_is_audible_and_about_as_long_as_speech_should_be() throws Exception {
        ProcessEngineChecks.audibleWithPlausibleDuration(engine, "en-us+m3");
    }

    @Test
    void speed_changes_the_duration() throws Exception {
        ProcessEngineChecks.speedChangesDuration(engine, "en-us+f3");
    }

    @Test
    void closing_the_stream_stops_it() throws Exception {
        ProcessEngineChecks.cancelStops(engine, "en-us+f3");
    }

    @Test
    void speaks_german_and_the_language_code_picks_the_language() throws Exception {
        var german = engine.synthesize(new SpeechRequest("Guten Tag. Wie geht es Ihnen heute?", "de+f3", "de", null, null));
        assertThat(german.format().sampleRate()).isEqualTo(22_050);
        assertThat(Pcm.rms(german.pcm())).isGreaterThan(300);
        var voice = engine.voicesById("de+m3");
        assertThat(engine.language(voice, "de")).isEqualTo("de");
        assertThat(engine.language(voice, null)).isEqualTo("de");
        assertThat(engine.language(voice, "en")).isEqualTo("en-us");
        assertThat(engine.language(voice, "fr")).isEqualTo("fr-fr");
        assertThat(engine.language(voice, "ru")).isEqualTo("ru");
        assertThat(engine.language(voice, "xx")).isEqualTo("de");
        assertThat(engine.language(engine.voicesById("en-gb-x-rp+f3"), "en")).isEqualTo("en-gb-x-rp");
    }

    @Test
    void streams_sentence_by_sentence_with_the_first_audio_early() throws Exception {
        ProcessEngineChecks.logTiming(engine, "en-us+f3");
        ProcessEngineChecks.logTiming(engine, "de+m3");
    }

    @Test
    void reads_a_streamed_wav_header() throws Exception {
        byte[] wav = dev.timbre.audio.Wav.wrap(new byte[100], new dev.timbre.audio.PcmFormat(22_050));
        var in = new ByteArrayInputStream(wav);
        assertThat(ProcessSynthesis.readHeader(in).sampleRate()).isEqualTo(22_050);
        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(ProcessSynthesis.readHeader(new ByteArrayInputStream(new byte[0]))).isNull();
    }
}
