package dev.timbre.speechtospeech;

import dev.timbre.audio.AudioFormatException;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.common.Ids;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.history.HistoryService;
import dev.timbre.history.NewHistoryItem;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.speaker.NoiseGate;
import dev.timbre.speechtotext.AudioInput;
import dev.timbre.speechtotext.SpeechToTextService;
import dev.timbre.voices.ResolvedVoice;
import dev.timbre.voices.VoiceSettings;
import dev.timbre.voices.VoicesService;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The voice changer as a use case. With a {@link VoiceChangerProvider} configured, requests are forwarded to it.
 * Otherwise (embedded): the upload is decoded to 16 kHz mono (optionally through the {@link NoiseGate}), recognised
 * and measured ({@link SourceSpeech}), and re-spoken in the target voice with the source's word timings and pitch
 * contour ({@link VoiceConversion}) by its engine's {@link TimedSpeech} (engines without one: synthesised as text and
 * time-stretched to the source's word timings, {@link StretchedSpeech}; no pitch following). At most {@link #CONCURRENT} conversions run
 * at once (a request waits up to 10 s for a slot, then 429). Not charged in characters; a history item (source
 * {@code STS}, text = what was recognised) is stored when the audio is complete, unless logging is off.
 * Thread-safe; each conversion runs on its caller's thread.
 */
public final class SpeechToSpeechService {
    static final int CONCURRENT = 2;
    /** The longest source accepted, in seconds. */
    static final double MAX_SECONDS = 300;
    private static final UploadDecoder DECODER = new UploadDecoder();

    private final VoicesService voices;
    private final ModelCatalog models;
    private final SpeechToTextService speechToText;
    private final HistoryService history;
    private final Optional<VoiceChangerProvider> provider;
    private final Semaphore slots = new Semaphore(CONCURRENT, true);

    public SpeechToSpeechService(VoicesService voices, ModelCatalog models, SpeechToTextService speechToText, HistoryService history,
                                 Optional<VoiceChangerProvider> provider) {
        this.voices = voices;
        this.models = models;
        this.speechToText = speechToText;
        this.history = history;
        this.provider = provider;
    }

    /** Checks the request, analyses the source and returns the conversion to pull; bad input is an {@link ApiException}. */
    Conversion open(SpeechToSpeechRequest r, boolean stream) throws InterruptedException {
        ModelSpec model = models.spec(r.modelId()).filter(s -> s.capability().equals(ModelSpec.SPEECH_TO_SPEECH))
                .orElseThrow(() -> ApiException.invalid("model_id must be a speech-to-speech model (eleven_english_sts_v2, eleven_multilingual_sts_v2)",
                        "value_error", "body", "model_id"));
        if (provider.isPresent()) return provider.get().forward(r, stream);
        ResolvedVoice voice = voices.resolve(r.voiceId());
        TextToSpeech engine = models.engines().textToSpeech().get(voice.provider());
        if (engine == null) throw new ApiException(503, "voice_unavailable", "The engine of voice " + r.voiceId() + " is not loaded.");
        TimedSpeech timed = engine.timedSpeech().orElseGet(() -> new StretchedSpeech(engine));
        byte[] pcm = decode(r);
        if (!slots.tryAcquire(10, TimeUnit.SECONDS)) {
            throw ApiException.busy("too_many_concurrent_requests", "Too many voice conversions are running; try again shortly.", 2);
        }
        try {
            SpeechToText recogniser = speechToText.engine();
            SourceSegments source = new SourceSegments(pcm, recogniser);
            if (!source.hasSpeech()) { // hears the source up to its first words: the rest is heard as the conversion goes
                throw ApiException.badRequest("no_speech_detected", "No speech was recognised in the uploaded audio, so there is nothing to re-speak.");
            }
            VoiceSettings settings = r.settings() == null ? voice.settings() : r.settings().over(voice.settings());
            VoiceTuning tuning = settings.toTuning();
            SpeechRequest target = new SpeechRequest("", voice.engineVoiceId(), "en", tuning, r.seed(), voice.shape());
            String itemId = r.logging() ? history.newId() : null;
            java.util.function.Consumer<byte[]> completed = itemId == null ? null : audio -> history.record(itemId,
                    new NewHistoryItem(Ids.random(20), r.voiceId(), voice.name(), voice.category(), model.modelId(), source.text(), 0, 0,
                            Json.MAPPER.valueToTree(tuning), "STS", r.format().id(), r.format().contentType(), audio));
            return new EmbeddedConversion(new VoiceConversion(source, timed, target, new PhraseOnset(recogniser)), r.format(), itemId, completed, slots::release);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** The upload as 16 kHz mono PCM: 400 when it is not audio or holds none, 413 when too long. */
    private static byte[] decode(SpeechToSpeechRequest r) {
        if (r.audio().length == 0) throw ApiException.invalid("The uploaded file is empty", "value_error", "body", "audio");
        Wav.Decoded decoded;
        try {
            decoded = r.pcm16() ? pcm16(r.audio()) : UploadDecoder.to16k(AudioInput.mono(r.audio()));
        } catch (AudioFormatException e) {
            throw AudioInput.apiError(e);
        }
        byte[] pcm = decoded.pcm();
        double seconds = decoded.format().seconds(pcm.length);
        if (seconds > MAX_SECONDS) {
            throw new ApiException(413, "audio_too_long", "The audio is " + Math.round(seconds) + " s long; at most " + (int) MAX_SECONDS + " s can be converted.");
        }
        if (Pcm.rms(pcm) < 30) throw ApiException.badRequest("no_speech_detected", "The uploaded audio is silent.");
        if (r.removeBackgroundNoise()) pcm = Pcm.toBytes(NoiseGate.clean(Pcm.toSamples(pcm, 0, pcm.length)));
        return pcm;
    }

    private static Wav.Decoded pcm16(byte[] data) {
        if (data.length % 2 != 0) {
            throw ApiException.badRequest("invalid_audio", "file_format is pcm_s16le_16 but the file has an odd number of bytes; expected 16-bit little-endian mono PCM at 16 kHz.");
        }
        return DECODER.decodeRawPcm16k(data);
    }

}
