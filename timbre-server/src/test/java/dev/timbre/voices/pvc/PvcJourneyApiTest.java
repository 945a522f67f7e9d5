package dev.timbre.voices.pvc;

import static dev.timbre.voices.pvc.PvcApiTest.PVC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.process.EspeakTextToSpeech;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import dev.timbre.voices.PremadeVoices;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A professional clone from start to finish on real engines: "Morgan" (MaryTTS pitched 60 Hz down) records the samples,
 * one of them shared with flite's "Susan" and one with espeak-ng's "Ethan"; the flite one is separated and Morgan
 * chosen; the captcha is read by Morgan with other words (refused: words), by "Sally" (MaryTTS at its own pitch:
 * refused, speaker) and by Morgan (accepted); training runs to fine_tuned and the trained voice's speech transcribes
 * back. The reader is a MaryTTS voice because the pure-Java recogniser (sphinx4) hears espeak-ng too poorly for a
 * captcha (91 % WER measured on "Emma").
 */
@Tag("integration")
class PvcJourneyApiTest {
    /** The speaker: MaryTTS's voice 60 Hz lower (the recogniser hears it well); others: MaryTTS unshifted, flite, espeak-ng. */
    static final String MORGAN = PremadeVoices.idFor("marytts", "cmu-slt-hsmm-deep"), SALLY = PremadeVoices.idFor("marytts", "cmu-slt-hsmm"),
            SUSAN = PremadeVoices.idFor("flite", "slt"), ETHAN = PremadeVoices.idFor("espeak-ng", "en-us+m3");
    static TestServer server;

    @BeforeAll
    static void start() {
        boolean installed = EspeakTextToSpeech.available() && FliteTextToSpeech.available();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) assertThat(installed).as("espeak-ng and flite under CI").isTrue();
        Assumptions.assumeTrue(installed, "espeak-ng or flite is not installed");
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts", List.of("espeak-ng", "flite"), "auto")));
        PvcApiTest.server = server; // its helpers
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** 16 kHz PCM of {@code text} in a voice. */
    static byte[] speak(String voiceId, String text) {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=pcm_16000", Map.of("text", text));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    static byte[] wav(byte[]... pcm) {
        return Wav.wrap(Pcm.concat(List.of(pcm)), new PcmFormat(16000));
    }

    static String transcribe(byte[] wav) {
        var r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1").file("file", "a.wav", "audio/wav", wav));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("text").asText();
    }

    static TestServer.Response sendCaptcha(String id, byte[] wav) {
        return server.postMultipart(PVC + "/" + id + "/captcha", new Multipart().file("recording", "captcha.wav", "audio/wav", wav));
    }

    @Test
    void create_samples_separate_verify_train_and_speak() throws Exception {
        String id = PvcApiTest.create("Ethan Professional");
        byte[] silence = new byte[16000];
        List<String> samples = PvcApiTest.addSamples(id,
                wav(speak(MORGAN, "My brother drives to work every morning before the sun comes up."), silence,
                        speak(MORGAN, "We walked along the river and watched the boats go by.")),
                wav(speak(MORGAN, "The children played in the garden until it started to rain."), silence, silence,
                        speak(SUSAN, "Please call me back when you have finished reading the report."), silence, silence,
                        speak(MORGAN, "I would like a cup of coffee and a glass of water please.")),
                wav(speak(ETHAN, "She bought three red apples and a loaf of bread at the market."), silence,
                        speak(MORGAN, "The train to the city leaves from the station at nine o'clock.")));

        String shared = PVC + "/" + id + "/samples/" + samples.get(1);
        assertThat(server.post(shared + "/separate-speakers", "application/json", new byte[0]).status()).isEqualTo(200);
        JsonNode separation = PvcApiTest.poll(shared + "/speakers", j -> !j.get("status").asText().equals("pending"));
        System.out.println("separation of Morgan + Susan: " + separation.get("speakers"));
        assertThat(separation.get("status").asText()).isEqualTo("completed");
        assertThat(separation.get("speakers").size()).isEqualTo(2);
        JsonNode morgan = separation.get("speakers").get("speaker_0"), susan = separation.get("speakers").get("speaker_1");
        assertThat(morgan.get("utterances").get(0).get("start").asDouble()).isLessThan(0.5);
        assertThat(susan.get("utterances").get(0).get("start").asDouble()).isGreaterThan(2.0);
        assertThat(server.postJson(shared, Map.of("selected_speaker_ids", List.of("speaker_0"))).status()).isEqualTo(200);

        String captcha = server.get(PVC + "/" + id + "/captcha").json().get("text").asText();
        String other = Captcha.TEXTS.stream().filter(t -> !t.equals(captcha)).findFirst().orElseThrow();
        var wrongWords = sendCaptcha(id, wav(speak(MORGAN, other)));
        PvcApiTest.assertError(wrongWords, 400, "captcha_mismatch");
        var wrongSpeaker = sendCaptcha(id, wav(speak(SALLY, captcha)));
        System.out.println("Sally reading the captcha: " + wrongSpeaker.json().get("detail").get("message").asText());
        PvcApiTest.assertError(wrongSpeaker, 400, "speaker_mismatch");
        var ok = sendCaptcha(id, wav(speak(MORGAN, captcha)));
        OpenApiContract.assertConforms("POST", PVC + "/{voice_id}/captcha", ok);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode verified = server.get("/v1/voices/" + id).json();
        assertThat(verified.get("voice_verification").get("is_verified").asBoolean()).isTrue();
        System.out.println("captcha attempts: " + verified.get("fine_tuning").get("verification_attempts"));

        var train = server.postJson(PVC + "/" + id + "/train", Map.of("model_id", "eleven_multilingual_v2"));
        assertThat(train.status()).as(train.toString()).isEqualTo(200);
        JsonNode v = PvcApiTest.poll("/v1/voices/" + id, j -> j.at("/fine_tuning/state/eleven_multilingual_v2").asText().matches("fine_tuned|failed"));
        assertThat(v.at("/fine_tuning/state/eleven_multilingual_v2").asText()).as(v.get("fine_tuning").toString()).isEqualTo("fine_tuned");
        OpenApiContract.assertConforms("GET", "/v1/voices/{voice_id}", server.get("/v1/voices/" + id));

        String sentence = "The weather today is sunny with a light breeze from the west.";
        String heard = transcribe(wav(speak(id, sentence)));
        double wer = Captcha.wordErrorRate(sentence, heard);
        System.out.printf("trained PVC voice round trip: \"%s\" WER %.0f %%%n", heard, 100 * wer);
        assertThat(wer).isLessThanOrEqualTo(0.35);
        var stream = server.postJson("/v1/text-to-speech/" + id + "/stream?output_format=mp3_44100_128", Map.of("text", sentence));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body().length).isGreaterThan(1000);
    }
}
