package dev.timbre.texttospeech;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.access.Caller;
import dev.timbre.user.ChargedFor;
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
import dev.timbre.pronunciationdictionaries.PhonemeInput;
import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import dev.timbre.pronunciationdictionaries.Pronunciations;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.RecordedRun;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import dev.timbre.user.Charge;
import dev.timbre.user.UserService;
import dev.timbre.voices.ResolvedVoice;
import dev.timbre.voices.VoiceSettings;
import dev.timbre.voices.VoicesService;

/**
 * Text to speech as a use case: {@link #prepare} checks a request and binds it to an engine and voice; {@link #convert}
 * synthesises it whole, {@link #stream} opens a {@link Generation} to pull as it is made. Both run on the
 * {@link SpeechSynthesizer}: characters are charged once the engine has accepted the text, before any audio is
 * handed out (an exhausted quota is a 401 with no audio); the history item is stored once the audio is complete
 * (unless logging is off). Thread-safe; each synthesis runs on the calling thread.
 */
public final class TextToSpeechService {
    private final VoicesService voices;
    private final ModelCatalog models;
    private final UserService users;
    private final HistoryService history;
    private final SpeechSynthesizer speech;
    private final PronunciationDictionariesService dictionaries;

    public TextToSpeechService(VoicesService voices, ModelCatalog models, UserService users, HistoryService history,
                               SpeechSynthesizer speech, PronunciationDictionariesService dictionaries) {
        this.dictionaries = dictionaries;
        this.voices = voices;
        this.models = models;
        this.users = users;
        this.history = history;
        this.speech = speech;
    }

    /**
     * A checked request, bound to its engine and voice, with the ids its response announces.
     *
     * @param engineText what the engine reads: the normalised text with the engine's phoneme markup for phoneme rules
     *                   (alignments show the normalised text without it); null when it is the normalised text
     */
    public record Prepared(NormalizedText normalized, ModelSpec model, String voiceId, ResolvedVoice voice, TextToSpeech engine,
                           VoiceTuning tuning, TextToSpeechRequest request, String requestId, String historyItemId, String engineText) {
        String text() { return normalized.original(); }

        /** This request with {@code extra} on top of the voice's shape (an API node's {@code timbre_voice_shape}); null: this. */
        Prepared shapedBy(dev.timbre.engine.VoiceShape extra) {
            if (extra == null || extra.neutral()) return this;
            ResolvedVoice v = new ResolvedVoice(voice.provider(), voice.engineVoiceId(), voice.settings(), voice.name(), voice.category(),
                    voice.shape().movedBy(extra, 1));
            return new Prepared(normalized, model, voiceId, v, engine, tuning, request, requestId, historyItemId, engineText);
        }

        /** This request as one segment of a speech script. */
        public SpeechScript.Segment segment() {
            return SpeechScript.Segment.spoken(normalized, engine,
                    new SpeechRequest(engineText != null ? engineText : normalized.normalized(), voice.engineVoiceId(),
                            request.languageCode(), tuning, request.seed(), voice.shape()));
        }
    }

    /** The whole audio of one request, with the alignment of all of it. */
    public record Result(SpeechChunk all, double seconds) {
        public byte[] audio() { return all.audio(); }
    }

    /** Validates the request and binds it to an engine; throws {@link ApiException} for bad input. */
    public Prepared prepare(String voiceId, TextToSpeechRequest request) {
        String text = TextToSpeechChecks.text(request);
        ModelSpec model = TextToSpeechChecks.model(models, request.modelIdOrDefault());
        TextToSpeechChecks.length(text, model);
        TextToSpeechChecks.seed(request.seed());
        NormalizedText normalized = TextToSpeechChecks.normalize(text, request.applyTextNormalization());
        Pronunciations pronunciations = dictionaries.resolve(locators(request), "body");
        ResolvedVoice voice = voices.resolve(voiceId);
        TextToSpeech engine = models.engines().textToSpeech().get(voice.provider());
        if (engine == null) throw new ApiException(503, "voice_unavailable", "The engine of voice " + voiceId + " is not loaded.");
        engine = dev.timbre.engines.EngineNodes.forModel(engine, model.modelId()); // engine nodes: routed by model id
        String engineText = null;
        if (!pronunciations.isEmpty() && !TextToSpeechChecks.isSsml(text)) {
            TextToSpeechChecks.Pronounced spoken = TextToSpeechChecks.pronounce(text, request.applyTextNormalization(), pronunciations,
                    PhonemeInput.forProvider(voice.provider()));
            normalized = spoken.text();
            engineText = spoken.engineText();
        }
        VoiceSettings settings = request.voiceSettings() == null ? voice.settings()
                : request.voiceSettings().validate("body", "voice_settings").over(voice.settings());
        return new Prepared(normalized, model, voiceId, voice, engine, settings.toTuning(), request, Ids.random(20), history.newId(),
                engineText);
    }

    private static java.util.List<PronunciationDictionariesService.Locator> locators(TextToSpeechRequest request) {
        if (request.pronunciationDictionaryLocators() == null) return null;
        return request.pronunciationDictionaryLocators().stream()
                .map(l -> l == null ? null : new PronunciationDictionariesService.Locator(l.pronunciationDictionaryId(), l.versionId()))
                .toList();
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
                p.historyItemId(), p.engineText());
    }

    /** Synthesises the whole text (a whole-file run: it takes its turn, it does not yield). */
    public Result convert(Caller caller, Prepared p, OutputFormat format, boolean logging) throws InterruptedException {
        try (Generation g = open(caller, p, format, logging, SpeechSynthesizer.Delivery.WHOLE)) {
            SpeechChunk all = g.rest();
            return new Result(all, g.seconds());
        }
    }

    /** Opens a streamed synthesis: pull its chunks from the returned generation, then close it. */
    public Generation stream(Caller caller, Prepared p, OutputFormat format, boolean logging) throws InterruptedException {
        return open(caller, p, format, logging, SpeechSynthesizer.Delivery.STREAMED);
    }

    private Generation open(Caller caller, Prepared p, OutputFormat format, boolean logging, SpeechSynthesizer.Delivery delivery)
            throws InterruptedException {
        SpeechRun run = speech.open(SpeechScript.of(p.segment(), format, logging), delivery);
        try {
            Charge charge = users.charge(caller, p.text().length(), new ChargedFor(ChargedFor.TEXT_TO_SPEECH, p.voiceId(), p.model().modelId())); // while the engine analyses the text
            return new Generation(p, format, logging, charge, run);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** One charged synthesis ({@link RecordedRun}): its history item is stored (when logging) as the last chunk is pulled. */
    public final class Generation extends RecordedRun {
        private final Prepared prepared;
        private final OutputFormat format;
        private final Charge charge;

        private Generation(Prepared prepared, OutputFormat format, boolean logging, Charge charge, SpeechRun run) {
            super(run, logging);
            this.prepared = prepared;
            this.format = format;
            this.charge = charge;
        }

        @Override
        protected void completed(byte[] audio) {
            record(prepared, format, charge, audio);
        }
    }

    private void record(Prepared p, OutputFormat format, Charge charge, byte[] audio) {
        JsonNode settings = Json.MAPPER.valueToTree(p.tuning());
        history.record(p.historyItemId(), new NewHistoryItem(p.requestId(), p.voiceId(), p.voice().name(), p.voice().category(),
                p.model().modelId(), p.text(), charge.from(), charge.to(), settings, "TTS", format.id(), format.contentType(), audio));
    }
}
