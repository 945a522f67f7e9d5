package dev.timbre.speechtotext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import dev.timbre.speechtotext.TranscriptModels.AdditionalFormat;
import dev.timbre.speechtotext.diarize.Diarizer;
import dev.timbre.speechtotext.TranscriptModels.Chunk;
import dev.timbre.speechtotext.TranscriptModels.Multichannel;
import dev.timbre.speechtotext.TranscriptModels.WebhookAck;
import dev.timbre.storage.BlobStore;
import dev.timbre.webhooks.WebhookSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech to text: checks a request against the configured engine, transcribes (each channel on its own with
 * {@code use_multi_channel}), adds the requested export formats, stores the transcript unless
 * {@code enable_logging=false}. {@code webhook=true} requests become rows in {@code speech_to_text_jobs} (the audio in
 * the blob store, the row the job's status) and durable jobs of kind {@value #JOB_KIND} ({@code jobs.Jobs}: claimed
 * by one node, run again after a crash or on another node, retried) that transcribe and deliver to the configured
 * workspace webhook. Each attempt is counted in the row before it starts; a job whose {@value #MAX_JOB_ATTEMPTS}
 * attempts all ended without a result (the process died mid-job) is then marked failed and its webhook told so; one
 * whose attempts all threw is marked failed by the give-up callback. {@link #resumePending()} at start-up schedules
 * pending rows that have no job (rows from before the scheduler, or a crash between the row and its job). Without a
 * speech-to-text engine every call is a 503.
 */
public final class SpeechToTextService {
    private static final Logger log = LoggerFactory.getLogger(SpeechToTextService.class);
    /** Attempts at a webhook job before it is marked failed. */
    static final int MAX_JOB_ATTEMPTS = 3;
    /** The job kind's name in {@code scheduled_tasks}: never rename it (pending jobs would be orphaned). */
    static final String JOB_KIND = "speech-to-text-webhook";
    /** Model ids accepted besides the {@code speech_to_text} models of {@code models.yaml}. */
    static final Set<String> EXTRA_MODELS = Set.of("scribe_v1_experimental", "scribe_v2", "scribe_v2_realtime");

    private final EngineCatalog engines;
    private final ModelCatalog models;
    private final String provider;
    private final TranscriptRepository repository;
    private final BlobStore blobs;
    private final TimbreConfig.Webhook webhook;
    private final WebhookSender sender;
    private final Clock clock;
    private final JobKind<WebhookJob> jobs;

    /** The data of a webhook job, whose job id is its transcription id; the rest is in its row. */
    public record WebhookJob(String transcriptionId) {}

    /** Registers the webhook job kind with {@code jobs} (before the scheduler starts). */
    public SpeechToTextService(EngineCatalog engines, ModelCatalog models, String provider, TranscriptRepository repository, BlobStore blobs,
                               TimbreConfig.Webhook webhook, Clock clock, Jobs jobs) {
        this(engines, models, provider, repository, blobs, webhook, clock, new WebhookSender(clock), jobs);
    }

    SpeechToTextService(EngineCatalog engines, ModelCatalog models, String provider, TranscriptRepository repository, BlobStore blobs,
                        TimbreConfig.Webhook webhook, Clock clock, WebhookSender sender, Jobs jobs) {
        this.engines = engines;
        this.models = models;
        this.provider = provider;
        this.repository = repository;
        this.blobs = blobs;
        this.webhook = webhook;
        this.sender = sender;
        this.clock = clock;
        this.jobs = jobs.register(JOB_KIND, WebhookJob.class, new Retries(MAX_JOB_ATTEMPTS, java.time.Duration.ofSeconds(5)),
                (id, data) -> process(id), (id, data, cause) -> gaveUp(id, cause));
    }

    /** The configured engine; a 503 when none is configured or it did not load. */
    public SpeechToText engine() {
        Map<String, SpeechToText> loaded = engines.speechToText();
        SpeechToText e = provider.equals(TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT)
                ? loaded.values().stream().findFirst().orElse(null) : loaded.get(provider);
        if (e == null) {
            throw new ApiException(503, "speech_to_text_unavailable", provider.equals(TimbreConfig.Engines.NO_SPEECH_TO_TEXT)
                    ? "Speech to text is not available: no speech-to-text engine is configured on this server (engines.speech_to_text)."
                    : "Speech to text is not available: the speech-to-text engine '" + provider + "' is not loaded.");
        }
        return e;
    }

    /** Checks the model and the language; returns the request with the language as ISO 639-1. */
    TranscriptionRequest check(TranscriptionRequest r) {
        SpeechToText engine = engine();
        boolean known = EXTRA_MODELS.contains(r.modelId())
                || models.spec(r.modelId()).map(s -> s.capability().equals(ModelSpec.SPEECH_TO_TEXT)).orElse(false);
        if (!known) {
            throw ApiException.badRequest("model_not_found", "A model with model ID " + r.modelId() + " does not exist or does not support speech to text.");
        }
        if (r.webhook() && webhook == null) {
            throw ApiException.badRequest("webhook_not_configured",
                    "webhook=true needs a speech-to-text webhook, and none is configured on this server (webhooks.speech_to_text).");
        }
        if (r.webhook() && r.webhookId() != null && webhook.id() != null && !webhook.id().equals(r.webhookId())) {
            throw ApiException.notFound("webhook_not_found", "Webhook '" + r.webhookId() + "' not found.");
        }
        if (r.languageCode() == null) return r;
        String iso1 = language(engine, r.languageCode());
        return new TranscriptionRequest(r.modelId(), iso1, r.tagAudioEvents(), r.numSpeakers(), r.granularity(), r.diarize(),
                r.diarizationThreshold(), r.additionalFormats(), r.pcmS16le16(), r.temperature(), r.seed(), r.useMultiChannel(),
                r.webhook(), r.webhookId(), r.webhookMetadata(), r.enableLogging());
    }

    /** Whether {@code modelId} is a speech-to-text model of this server. */
    public boolean isModel(String modelId) {
        return modelId != null && (EXTRA_MODELS.contains(modelId)
                || models.spec(modelId).map(s -> s.capability().equals(ModelSpec.SPEECH_TO_TEXT)).orElse(false));
    }

    /** {@code code} (ISO 639-1 or -3) as the engine's ISO 639-1 language; a 422 or 400 when it is not one or not supported. */
    public static String language(SpeechToText engine, String code) {
        String iso1 = iso639_1(code).orElseThrow(() -> ApiException.invalid(
                "'" + code + "' is not an ISO 639-1 or ISO 639-3 language code", "value_error", "body", "language_code"));
        if (!engine.info().capabilities().languages().contains(iso1)) {
            throw ApiException.badRequest("unsupported_language", "Language '" + code + "' is not supported by this server's "
                    + "speech-to-text engine; supported: " + String.join(", ", engine.info().capabilities().languages().stream().sorted().toList()) + ".");
        }
        return iso1;
    }

    static Optional<String> iso639_1(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-') >= 0 ? c.indexOf('-') : c.indexOf('_');
        if (dash > 0) c = c.substring(0, dash);
        if (c.length() == 2 && List.of(Locale.getISOLanguages()).contains(c)) return Optional.of(c);
        if (c.length() == 3) {
            for (String l : Locale.getISOLanguages()) {
                try {
                    if (new Locale(l).getISO3Language().equals(c)) return Optional.of(l);
                } catch (java.util.MissingResourceException ignored) {
                    // no ISO 639-3 code for this language
                }
            }
        }
        return Optional.empty();
    }

    /** A synchronous transcription: a {@link Chunk} or, for several channels, a {@link Multichannel}. */
    public Object transcribe(TranscriptionRequest request, byte[] audio) {
        TranscriptionRequest r = check(request);
        String id = r.enableLogging() ? Ids.random() : null;
        return run(r, audio, id);
    }

    private Object run(TranscriptionRequest r, byte[] audio, String transcriptionId) {
        SpeechToText engine = dev.timbre.engines.EngineNodesSpeechToText.forModel(engine(), r.modelId()); // engine nodes: routed by model id
        AudioInput.Channels channels = AudioInput.decode(audio, r.pcmS16le16(), r.useMultiChannel());
        Object response;
        if (channels.pcm().size() == 1) {
            byte[] pcm = channels.pcm().get(0);
            SpeechToText.Transcript t = recognise(engine, pcm, channels.format(), r.languageCode());
            List<Integer> speakers = r.diarize() ? Diarizer.speakersOf(t.words(), Diarizer.diarize(pcm, channels.format(), r.numSpeakers(), r.diarizationThreshold())) : null;
            Chunk c = TranscriptBuilder.chunk(t, r, null, speakers);
            response = withExports(c, r).withTranscriptionId(transcriptionId);
        } else {
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < channels.pcm().size(); i++) {
                Chunk c = TranscriptBuilder.chunk(recognise(engine, channels.pcm().get(i), channels.format(), r.languageCode()), r, i);
                chunks.add(withExports(c, r).withTranscriptionId(transcriptionId));
            }
            response = new Multichannel(List.copyOf(chunks), transcriptionId);
        }
        if (transcriptionId != null) {
            repository.insert(new TranscriptRepository.Stored(transcriptionId, r.modelId(), clock.instant().getEpochSecond(), Json.write(response)));
        }
        return response;
    }

    /**
     * The engine's transcript; an engine failure (e.g. a remote recogniser that is down) is a 503 when it may pass,
     * else a 502, with the detail in the log rather than the body (it may name internal hosts).
     */
    private static SpeechToText.Transcript recognise(SpeechToText engine, byte[] pcm, dev.timbre.audio.PcmFormat format, String language) {
        try {
            return engine.transcribe(pcm, format, language);
        } catch (EngineException e) {
            log.warn("speech-to-text engine {} failed: {}", engine.info().provider(), e.getMessage());
            throw new ApiException(e.retryable() ? 503 : 502, "speech_to_text_engine_failed",
                    "The speech-to-text engine failed" + (e.retryable() ? "; try again later." : "."));
        }
    }

    private static Chunk withExports(Chunk c, TranscriptionRequest r) {
        if (r.additionalFormats().isEmpty()) return c;
        List<AdditionalFormat> formats = r.additionalFormats().stream().map(o -> TranscriptExports.export(c, o)).toList();
        return new Chunk(c.languageCode(), c.languageProbability(), c.text(), c.words(), c.channelIndex(), formats, c.transcriptionId());
    }

    /** A stored transcript's JSON body. */
    public JsonNode get(String transcriptionId) {
        return repository.find(transcriptionId).map(s -> read(s.response()))
                .orElseThrow(() -> ApiException.notFound("transcript_not_found", "Transcript '" + transcriptionId + "' not found."));
    }

    public void delete(String transcriptionId) {
        if (!repository.delete(transcriptionId)) {
            throw ApiException.notFound("transcript_not_found", "Transcript '" + transcriptionId + "' not found.");
        }
    }

    /** Accepts a {@code webhook=true} request: stores the audio and the row, schedules its job, acknowledges at once. */
    public WebhookAck submit(TranscriptionRequest request, byte[] audio, String requestId) {
        TranscriptionRequest r = check(request);
        if (audio.length == 0) AudioInput.decode(audio, r.pcmS16le16(), false);
        String id = Ids.random();
        String key = "stt-jobs/" + id;
        try {
            blobs.put(key, audio);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TranscriptRepository.Job job = new TranscriptRepository.Job(id, requestId, clock.instant().getEpochSecond(), TranscriptRepository.PENDING,
                Json.write(r), key, 0, null);
        try {
            repository.insertJob(job);
        } catch (RuntimeException e) {
            deleteBlob(key);
            throw e;
        }
        try {
            jobs.schedule(id, new WebhookJob(id));
        } catch (RuntimeException e) { // the row is stored: resumePending schedules it at the next start
            log.warn("could not schedule speech-to-text job {} now: {}", id, e.toString());
        }
        return new WebhookAck("Request accepted. Transcription result will be sent to the webhook.", requestId, id);
    }

    /**
     * Schedules every pending job that has no scheduled or running job (on any node); returns how many it scheduled.
     * Once at start-up: rows stored before jobs were durable, or by a process that stopped between the row and its
     * job. Idempotent: the job id is the transcription id.
     */
    public int resumePending() {
        int resumed = 0;
        for (TranscriptRepository.Job j : repository.pendingJobs()) {
            if (jobs.schedule(j.transcriptionId(), new WebhookJob(j.transcriptionId()))) resumed++;
        }
        if (resumed > 0) log.info("scheduled {} pending speech-to-text jobs", resumed);
        return resumed;
    }

    /** Every attempt of job {@code id} threw: the row is failed with the last reason and its audio removed. */
    private void gaveUp(String id, Throwable cause) {
        repository.findJob(id).filter(j -> j.state().equals(TranscriptRepository.PENDING)).ifPresent(j -> {
            repository.finishJob(id, TranscriptRepository.FAILED, j.attempts(), "transcription failed: " + (cause == null ? "unknown" : cause.getMessage()));
            deleteBlob(j.audioKey());
        });
    }

    /** One attempt at job {@code id}; throws (to be tried again) when interrupted or when its row cannot be updated. */
    void process(String id) throws InterruptedException {
        TranscriptRepository.Job job = repository.findJob(id).filter(j -> j.state().equals(TranscriptRepository.PENDING)).orElse(null);
        if (job == null) return; // done or failed meanwhile
        process(job);
    }

    private void process(TranscriptRepository.Job job) throws InterruptedException {
        int attempt = repository.startAttempt(job.transcriptionId());
        if (attempt < 0) return; // finished meanwhile
        TranscriptionRequest r;
        Object response = null;
        String error = null;
        try {
            r = Json.MAPPER.readValue(job.request(), TranscriptionRequest.class);
        } catch (IOException e) {
            repository.finishJob(job.transcriptionId(), TranscriptRepository.FAILED, attempt, "unreadable job: " + e.getMessage());
            deleteBlob(job.audioKey());
            return;
        }
        if (attempt > MAX_JOB_ATTEMPTS) {
            // earlier attempts ended without a result (the process died or was stopped mid-job): stop retrying it
            log.warn("speech-to-text job {} gave up after {} attempts", job.transcriptionId(), attempt - 1);
            error = "transcription failed: gave up after " + (attempt - 1) + " attempts";
        } else {
            try {
                byte[] audio = blobs.get(job.audioKey()).orElseThrow(() -> new IllegalStateException("the job's audio is missing"));
                if (repository.find(job.transcriptionId()).isPresent()) {
                    response = read(repository.find(job.transcriptionId()).get().response());
                } else {
                    response = run(r, audio, job.transcriptionId());
                }
            } catch (ApiException e) {
                error = e.getMessage();
            } catch (Exception e) {
                log.warn("speech-to-text job {} failed", job.transcriptionId(), e);
                error = "transcription failed: " + e.getMessage();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopping: speech-to-text job " + job.transcriptionId() + " is tried again later");
        }
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("type", "speech_to_text_transcription");
        payload.put("event_timestamp", clock.instant().getEpochSecond());
        ObjectNode data = payload.putObject("data");
        data.put("request_id", job.requestId());
        data.put("transcription_id", job.transcriptionId());
        if (response != null) data.set("transcription", Json.MAPPER.valueToTree(response));
        if (error != null) data.put("error", error);
        data.set("webhook_metadata", r.webhookMetadata());
        // an interrupt (this node stopping) throws: the job stays pending and is tried again
        String deliveryError = webhook == null ? "no webhook configured" : sender.deliver(webhook, Json.write(payload), 4, java.time.Duration.ofSeconds(2));
        String problem = error != null ? error : deliveryError;
        repository.finishJob(job.transcriptionId(), problem == null ? TranscriptRepository.DONE : TranscriptRepository.FAILED, attempt, problem);
        deleteBlob(job.audioKey());
    }

    private void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (IOException e) {
            log.warn("could not delete blob {}: {}", key, e.toString());
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> deleted() {
        return Map.of("status", "ok");
    }

    /** Whether {@code key} ({@code stt-jobs/{id}}) is the audio of a pending webhook job; for the orphan sweep. */
    public boolean holdsBlob(String key) {
        if (!key.startsWith("stt-jobs/")) return false;
        return repository.findJob(key.substring("stt-jobs/".length()))
                .filter(j -> j.state().equals(TranscriptRepository.PENDING) && j.audioKey().equals(key)).isPresent();
    }
}
