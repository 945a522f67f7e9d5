package dev.timbre.music;

import dev.timbre.audio.OutputFormat;
import dev.timbre.music.compose.LineVoice;
import dev.timbre.music.compose.SongRenderer;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.TextToSpeechRequest;
import dev.timbre.texttospeech.TextToSpeechService;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lyrics spoken for the composer through the shared speech layer (the same slots and engines as text to speech), in
 * the server's first voice, as PCM at the renderer's rate. A line that cannot be spoken (no voice, the engine refuses,
 * the server is busy) is left out: the song stays instrumental there. Not charged as characters (music is not).
 * Thread-safe.
 */
final class SpokenLines implements LineVoice {
    private static final Logger LOG = LoggerFactory.getLogger(SpokenLines.class);
    private static final OutputFormat PCM = OutputFormat.parse("pcm_" + SongRenderer.SAMPLE_RATE).orElseThrow();

    private final TextToSpeechService textToSpeech;
    private final SpeechSynthesizer speech;
    private final Supplier<String> voiceId;

    SpokenLines(TextToSpeechService textToSpeech, SpeechSynthesizer speech, Supplier<String> voiceId) {
        this.textToSpeech = textToSpeech;
        this.speech = speech;
        this.voiceId = voiceId;
    }

    @Override
    public byte[] speak(String line) throws InterruptedException {
        String voice = voiceId.get();
        if (voice == null || line.isBlank()) return new byte[0];
        try {
            TextToSpeechService.Prepared p = textToSpeech.prepare(voice, new TextToSpeechRequest(line, null, null, null, null,
                    null, null, null, null, null, null, null, null));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SpeechRun run = speech.open(SpeechScript.of(p.segment(), PCM, false), SpeechSynthesizer.Delivery.WHOLE)) {
                for (SpeechChunk c; (c = run.next()) != null; ) out.writeBytes(c.audio());
            }
            return out.toByteArray();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.info("music: a line of lyrics was not spoken ({}); that part stays instrumental", e.toString());
            return new byte[0];
        }
    }
}
