package dev.timbre.texttovoice;

import dev.timbre.audio.OutputFormat;
import dev.timbre.common.Ids;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.http.ApiException;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.ResolvedVoice;
import dev.timbre.voices.VoiceRepository;
import dev.timbre.voices.VoiceResponse;
import dev.timbre.voices.VoicesService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * Voice design as a use case. {@link #design} and {@link #remix} read the description ({@link DescriptionReader}),
 * cast it onto engine voices and shapes ({@link VoiceCasting}), speak three previews ({@link PreviewAudio}) and keep
 * each (MP3 blob first, then its row) for {@link #PREVIEW_LIFETIME}; {@link #create} saves a kept preview as a
 * {@code generated} voice (engine voice + shape in {@code voices}); {@link #stream} returns its MP3. Expired previews
 * are swept (row, then blob) at most once a minute, on the calling thread. Thread-safe; the owner closes it at shutdown.
 */
public final class TextToVoiceService implements AutoCloseable {
    public static final Duration PREVIEW_LIFETIME = Duration.ofHours(24);
    /** Blob key prefix of preview audio, for the orphan sweep. */
    public static final String BLOB_PREFIX = "text-to-voice/";
    static final int PREVIEWS = 3;
    /** The stream endpoint's MP3 when the design asked for another codec; an MP3 design keeps its own bytes. */
    private static final OutputFormat STREAM_FORMAT = OutputFormat.DEFAULT;

    private final PremadeVoices premade;
    private final VoicesService voices;
    private final VoiceRepository voiceRows;
    private final PreviewRepository repository;
    private final BlobStore blobs;
    private final PreviewAudio audio;
    private final DescriptionReader reader;
    private final Clock clock;
    private volatile long lastSweep;

    public TextToVoiceService(PremadeVoices premade, VoicesService voices, VoiceRepository voiceRows, Jdbi jdbi,
                              BlobStore blobs, EngineCatalog engines, SpeechSynthesizer speech,
                              DescriptionReader reader, Clock clock) {
        this.premade = premade;
        this.voices = voices;
        this.voiceRows = voiceRows;
        this.repository = new PreviewRepository(jdbi);
        this.blobs = blobs;
        this.audio = new PreviewAudio(engines, speech);
        this.reader = reader;
        this.clock = clock;
    }

    /** Three previews of a new voice as {@code r.voice_description} describes it. */
    public PreviewsResponse design(DesignRequest r, OutputFormat format) throws InterruptedException {
        r.validate();
        sweepIfDue();
        VoiceTraits traits = reader.read(r.voiceDescription());
        long seed = seed(r);
        List<VoiceCasting.Cast> casts = VoiceCasting.design(premade.all(), traits, PREVIEWS, seed, r.guidanceScaleOrDefault());
        if (casts.isEmpty()) throw new ApiException(503, "no_voices", "No text-to-speech engine offers a voice to design from.");
        return previews(casts, traits, null, r, format, seed);
    }

    /** Three previews of {@code voiceId} changed as {@code r.voice_description} asks (404 for an unknown voice). */
    public PreviewsResponse remix(String voiceId, DesignRequest r, OutputFormat format) throws InterruptedException {
        r.validate();
        sweepIfDue();
        ResolvedVoice v = voices.resolve(voiceId);
        VoiceDescriptor base = premade.find(PremadeVoices.idFor(v.provider(), v.engineVoiceId())).map(PremadeVoices.Premade::descriptor)
                .orElseThrow(() -> new ApiException(503, "voice_unavailable", "The engine of voice " + voiceId + " is not loaded."));
        VoiceTraits traits = reader.read(r.voiceDescription());
        long seed = seed(r);
        Map<String, String> own = voices.get(voiceId).labels(); // what the voice is, not what its base engine voice is
        return previews(VoiceCasting.remix(v.provider(), base, v.shape(), premade.all(), traits, PREVIEWS, seed,
                r.promptStrengthOrDefault()), traits, own, r, format, seed);
    }

    /** Saves a kept preview as a voice of category {@code generated}; 404 when the preview is unknown or expired. */
    public VoiceResponse create(CreateVoiceRequest r) {
        r.validate();
        sweepIfDue();
        PreviewRepository.StoredPreview p = preview(r.generatedVoiceId());
        Map<String, String> labels = new LinkedHashMap<>(p.labels());
        if (r.labels() != null) r.labels().forEach((k, val) -> { if (val != null) labels.put(k, val); });
        String voiceId = Ids.random();
        voiceRows.insert(new VoiceRepository.StoredVoice(voiceId, r.voiceName().strip(), r.voiceDescription(), labels, "generated",
                p.provider(), p.engineVoiceId(), clock.instant().getEpochSecond(), p.shape()), List.of());
        return voices.get(voiceId);
    }

    /** The MP3 of a kept preview; 404 when it is unknown or expired. */
    public byte[] stream(String generatedVoiceId) {
        PreviewRepository.StoredPreview p = preview(generatedVoiceId);
        try {
            return blobs.get(p.blobKey()).orElseThrow(() -> notFound(generatedVoiceId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Speaks and keeps the casts; {@code inherited}: the labels of a remixed voice (null: the base voices' own). */
    private PreviewsResponse previews(List<VoiceCasting.Cast> casts, VoiceTraits traits, Map<String, String> inherited,
                                      DesignRequest r, OutputFormat format, long seed) throws InterruptedException {
        String text = r.text() != null ? r.text() : PreviewTexts.forTraits(traits);
        long now = clock.instant().getEpochSecond();
        List<PreviewAudio.Spoken> spoken = audio.speakAll(casts, text, r.loudnessOrDefault(), seed);
        List<PreviewsResponse.Preview> out = new ArrayList<>();
        for (int i = 0; i < casts.size(); i++) {
            VoiceCasting.Cast cast = casts.get(i);
            byte[] encoded = spoken.get(i).encode(format);
            byte[] mp3 = format.codec() == OutputFormat.Codec.MP3 ? encoded : spoken.get(i).encode(STREAM_FORMAT);
            String id = Ids.random();
            String key = BLOB_PREFIX + "previews/" + id + ".mp3";
            keep(new PreviewRepository.StoredPreview(id, cast.provider(), cast.voice().id(), cast.shape(), cast.voice().language(),
                    labels(cast.voice(), inherited, traits), r.voiceDescription(), key, now, now + PREVIEW_LIFETIME.toSeconds()), mp3);
            String base64 = r.streamed() ? "" : Base64.getEncoder().encodeToString(encoded);
            out.add(new PreviewsResponse.Preview(base64, id, format.contentType(), spoken.get(i).seconds(), cast.voice().language()));
        }
        return new PreviewsResponse(out, text);
    }

    private void keep(PreviewRepository.StoredPreview p, byte[] mp3) {
        try {
            blobs.put(p.blobKey(), mp3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store preview " + p.generatedVoiceId(), e);
        }
        try {
            repository.insert(p);
        } catch (RuntimeException e) {
            deleteBlob(p.blobKey());
            throw e;
        }
    }

    /**
     * What a saved voice is labelled with: the wanted gender, age and accent, else those of the remixed voice
     * ({@code inherited}) or of the base voice, and the first tone word.
     */
    private static Map<String, String> labels(VoiceDescriptor base, Map<String, String> inherited, VoiceTraits t) {
        Map<String, String> from = inherited != null ? inherited : base.labels();
        Map<String, String> l = new LinkedHashMap<>();
        put(l, "gender", t.gender() != null ? t.gender() : from.get("gender"));
        put(l, "age", t.age() != null ? t.age() : from.get("age"));
        put(l, "accent", t.accent() != null ? t.accent() : from.get("accent"));
        put(l, "descriptive", !t.tones().isEmpty() ? t.tones().get(0)
                : inherited != null ? inherited.get("descriptive") : base.labels().get("description"));
        put(l, "language", base.language());
        return l;
    }

    private static void put(Map<String, String> l, String key, String value) {
        if (value != null) l.put(key, value);
    }

    private PreviewRepository.StoredPreview preview(String generatedVoiceId) {
        return repository.find(generatedVoiceId, clock.instant().getEpochSecond()).orElseThrow(() -> notFound(generatedVoiceId));
    }

    private static long seed(DesignRequest r) {
        return r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
    }

    /** Deletes expired previews (row, then blob), up to 100 a call; returns how many. */
    public int sweep() {
        long now = clock.instant().getEpochSecond();
        lastSweep = now;
        int n = 0;
        for (PreviewRepository.StoredPreview p : repository.expired(now, 100)) {
            repository.delete(p.generatedVoiceId());
            deleteBlob(p.blobKey());
            n++;
        }
        return n;
    }

    private void sweepIfDue() {
        if (clock.instant().getEpochSecond() - lastSweep >= 60) sweep();
    }

    /** Stops the preview threads (at shutdown); designs in progress are cancelled. */
    @Override
    public void close() {
        audio.close();
    }

    /** Whether {@code key} is the audio of a kept preview; for the orphan sweep at start. */
    public boolean holdsBlob(String key) {
        return repository.holdsBlob(key);
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (IOException e) {
            // left for the orphan sweep at the next start
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("generated_voice_not_found", "A voice preview with the generated_voice_id '" + id
                + "' was not found; previews are kept for 24 hours.");
    }
}
