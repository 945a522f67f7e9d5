package dev.timbre.texttospeech;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.history.HistoryService;
import dev.timbre.history.NewHistoryItem;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.texttospeech.normalize.NormalizedText;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import dev.timbre.voices.ResolvedVoice;
import dev.timbre.voices.VoiceSettings;
import dev.timbre.voices.VoicesService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Text to speech as a use case: {@link #prepare} checks a request and binds it to an engine and voice; the other
 * methods synthesise it whole, with timestamps, or as a stream. Characters are charged once the engine has accepted
 * the text, before any audio is sent (an exhausted quota is a 401 with no audio); the history item is stored once the audio is complete (unless logging is off). Thread-safe; each
 * synthesis runs on the calling thread.
 */
public final class TextToSpeechService {
    private final VoicesService voices;
    private final ModelCatalog models;
    private final UserService users;
    private final HistoryService history;
    private final SynthesisSlots slots;
    /** Streams that have not spoken yet go first; whole-file responses take no part. */
    private final FirstAudioPriority streams = new FirstAudioPriority(true);

    public TextToSpeechService(VoicesService voices, ModelCatalog models, UserService users, HistoryService history,
                               SynthesisSlots slots) {
        this.slots = slots;
        this.voices = voices;
        this.models = models;
        this.users = users;
        this.history = history;
    }

    /** A checked request, bound to its engine and voice, with the ids its response announces. */
    public record Prepared(NormalizedText normalized, ModelSpec model, String voiceId, ResolvedVoice voice, TextToSpeech engine,
                           VoiceTuning tuning, TextToSpeechRequest request, String requestId, String historyItemId) {
        String text() { return normalized.original(); }

        SpeechRequest speechRequest() {
            return new SpeechRequest(normalized.normalized(), voice.engineVoiceId(), request.languageCode(), tuning, request.seed());
        }
    }

    /** The whole audio of one request. */
    public record Result(byte[] audio, AlignmentTracker.Chunk alignment, double seconds) {}

    /** Validates the request and binds it to an engine; throws {@link ApiException} for bad input. */
    public Prepared prepare(String voiceId, TextToSpeechRequest request) {
        String text = TextToSpeechChecks.text(request);
        ModelSpec model = TextToSpeechChecks.model(models, request.modelIdOrDefault());
        TextToSpeechChecks.length(text, model);
        TextToSpeechChecks.seed(request.seed());
        NormalizedText normalized = TextToSpeechChecks.normalize(text, request.applyTextNormalization());
        ResolvedVoice voice = voices.resolve(voiceId);
        TextToSpeech engine = models.engines().textToSpeech().get(voice.provider());
        if (engine == null) throw new ApiException(503, "voice_unavailable", "The engine of voice " + voiceId + " is not loaded.");
        VoiceSettings settings = request.voiceSettings() == null ? voice.settings()
                : request.voiceSettings().validate("body", "voice_settings").over(voice.settings());
        return new Prepared(normalized, model, voiceId, voice, engine, settings.toTuning(), request, Ids.random(20), history.newId());
    }

    /**
     * As {@link #prepare(String, TextToSpeechRequest)}, with the engine speed set to {@code speed} outside the
     * ElevenLabs range (0.7–1.2): the OpenAI alias allows 0.25–4.0. Engines clamp to what they can do.
     */
    public Prepared prepare(String voiceId, TextToSpeechRequest request, double speed) {
        Prepared p = prepare(voiceId, request);
        VoiceTuning t = p.tuning();
        VoiceTuning tuning = new VoiceTuning(t.stability(), t.similarityBoost(), t.style(), t.useSpeakerBoost(), speed);
        return new Prepared(p.normalized(), p.model(), p.voiceId(), p.voice(), p.engine(), tuning, p.request(), p.requestId(),
                p.historyItemId());
    }

    /** Synthesises the whole text; the result carries the alignment of all of it. */
    public Result convert(Prepared p, OutputFormat format, boolean logging) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        AlignmentTracker.Chunk[] all = {new AlignmentTracker.Chunk(null, null)};
        try {
            double seconds = run(p, format, logging, (bytes, alignment, end) -> {
                audio.writeBytes(bytes);
                all[0] = all[0].plus(alignment);
            }, FirstAudioPriority.NONE);
            return new Result(audio.toByteArray(), all[0], seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /**
     * Streams the audio to {@code listener} as it is made. An {@link IOException} from the listener (the client went
     * away) cancels the synthesis and is rethrown; no history item is stored then.
     */
    public double stream(Prepared p, OutputFormat format, boolean logging, Synthesis.Listener listener) throws IOException {
        return run(p, format, logging, listener, streams);
    }

    /** Receives the encoded audio of {@link #streamAudio} in order, never empty; an {@link IOException} cancels. */
    public interface AudioListener {
        void audio(byte[] audio) throws IOException;
    }

    /** As {@link #stream}, for callers outside this package that want the audio bytes only (the OpenAI alias). */
    public double streamAudio(Prepared p, OutputFormat format, boolean logging, AudioListener listener) throws IOException {
        return stream(p, format, logging, (audio, alignment, last) -> {
            if (audio.length > 0) listener.audio(audio);
        });
    }

    private double run(Prepared p, OutputFormat format, boolean logging, Synthesis.Listener listener, FirstAudioPriority priority)
            throws IOException {
        return MeteredSynthesis.run(slots, users, p.text().length(), logging,
                (charge, keep) -> Synthesis.run(p, format, charge::run, (bytes, alignment, end) -> {
                    keep.bytes(bytes);
                    listener.chunk(bytes, alignment, end);
                }, priority),
                (charge, audio) -> record(p, format, charge, audio));
    }

    private void record(Prepared p, OutputFormat format, Charge charge, byte[] audio) {
        JsonNode settings = Json.MAPPER.valueToTree(p.tuning());
        history.record(p.historyItemId(), new NewHistoryItem(p.requestId(), p.voiceId(), p.voice().name(), p.voice().category(),
                p.model().modelId(), p.text(), charge.from(), charge.to(), settings, "TTS", format.id(), format.contentType(), audio));
    }
}
