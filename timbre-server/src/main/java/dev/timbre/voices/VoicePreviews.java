package dev.timbre.voices;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.http.ApiException;
import dev.timbre.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The preview sample of each premade voice: a short MP3 in which the voice introduces itself, made with its own
 * engine on first request and kept in the blob store. Not charged and not in the history. Thread-safe; two first
 * requests at once may both synthesise, and the blob store keeps one.
 */
public final class VoicePreviews {
    /** Where a premade voice's preview is served (public, like ElevenLabs' preview URLs). */
    public static final String PATH = "/previews/";

    private static final OutputFormat FORMAT = OutputFormat.DEFAULT;

    private final PremadeVoices premade;
    private final EngineCatalog engines;
    private final BlobStore blobs;

    public VoicePreviews(PremadeVoices premade, EngineCatalog engines, BlobStore blobs) {
        this.premade = premade;
        this.engines = engines;
        this.blobs = blobs;
    }

    /** The path of a voice's preview, relative to the server's base URL. */
    public static String path(String voiceId) {
        return PATH + voiceId + ".mp3";
    }

    /** The MP3 preview of a premade voice; 404 for any other id. */
    public byte[] preview(String voiceId) {
        PremadeVoices.Premade p = premade.find(voiceId)
                .orElseThrow(() -> ApiException.notFound("voice_not_found", "No premade voice with id " + voiceId + " has a preview."));
        String key = "previews/" + voiceId + ".mp3";
        try {
            Optional<byte[]> stored = blobs.get(key);
            if (stored.isPresent()) return stored.get();
            byte[] audio = synthesise(p);
            blobs.put(key, audio);
            return audio;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the preview of " + voiceId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "service_unavailable", "Interrupted while making the preview.");
        }
    }

    private byte[] synthesise(PremadeVoices.Premade p) throws InterruptedException {
        TextToSpeech engine = engines.textToSpeech().get(p.provider());
        String text = "Hello, I'm " + p.descriptor().name() + ". " + p.descriptor().description();
        TextToSpeech.Speech speech = engine.synthesize(new SpeechRequest(text, p.descriptor().id(), p.descriptor().language(), null, 0L));
        return AudioEncoder.encodeAll(speech.pcm(), speech.format().sampleRate(), FORMAT);
    }
}
