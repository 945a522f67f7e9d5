package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code diarize=true} on the fake recogniser (one word per tone): two tone voices come out as two speakers. */
@Tag("integration")
class SpeechToTextDiarizeTest {
    static TestServer server;
    static byte[] dialogue;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        ToneTextToSpeech tts = new ToneTextToSpeech();
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        byte[] gap = new byte[16000]; // 0.5 s
        pcm.writeBytes(gap);
        for (String voice : List.of("tone-a", "tone-b", "tone-a", "tone-b")) {
            pcm.writeBytes(tts.synthesize(new SpeechRequest("hello hello hello hello hello hello", voice, "en", null, null)).pcm());
            pcm.writeBytes(gap);
        }
        dialogue = Wav.wrap(pcm.toByteArray(), new PcmFormat(ToneTextToSpeech.SAMPLE_RATE));
    }

    @AfterAll
    static void stop() { server.close(); }

    static JsonNode transcribe(String... fields) {
        Multipart form = new Multipart().field("model_id", "scribe_v1").file("file", "dialogue.wav", "audio/wav", dialogue);
        for (int i = 0; i < fields.length; i += 2) form.field(fields[i], fields[i + 1]);
        TestServer.Response r = server.postMultipart("/v1/speech-to-text", form);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-text", r);
        return r.json();
    }

    /** The speaker of each word (not spacing), in order. */
    static List<String> wordSpeakers(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("words").forEach(w -> { if (w.get("type").asText().equals("word")) out.add(w.get("speaker_id").asText()); });
        return out;
    }

    @Test
    void two_voices_come_out_as_two_speakers_in_turn_order() {
        JsonNode body = transcribe("diarize", "true");
        List<String> speakers = wordSpeakers(body);
        assertThat(speakers).hasSize(24);
        List<String> expected = new ArrayList<>();
        for (String s : List.of("speaker_0", "speaker_1", "speaker_0", "speaker_1")) for (int i = 0; i < 6; i++) expected.add(s);
        assertThat(speakers).containsExactlyElementsOf(expected);
        JsonNode words = body.get("words");
        for (int i = 1; i < words.size(); i += 2) {
            assertThat(words.get(i).get("type").asText()).isEqualTo("spacing");
            assertThat(words.get(i).get("speaker_id")).isEqualTo(words.get(i - 1).get("speaker_id"));
        }
        assertThat(transcribe("diarize", "true", "num_speakers", "2").get("words")).isEqualTo(words);
    }

    @Test
    void one_speaker_when_asked_for_one_or_without_diarize() {
        Set<String> one = new LinkedHashSet<>(wordSpeakers(transcribe("diarize", "true", "num_speakers", "1")));
        assertThat(one).containsExactly("speaker_0");
        Set<String> off = new LinkedHashSet<>(wordSpeakers(transcribe("diarize", "false")));
        assertThat(off).containsExactly("speaker_0");
        // the highest threshold still separates voices an octave apart
        assertThat(new LinkedHashSet<>(wordSpeakers(transcribe("diarize", "true", "diarization_threshold", "0.4")))).hasSize(2);
    }
}
