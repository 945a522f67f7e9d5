/**
 * {@code /v1/speech-to-text}: batch transcription of an upload or URL, stored transcripts, and webhook jobs. The
 * realtime socket and diarisation are subpackages.
 *
 * <ul>
 *   <li>{@link dev.timbre.speechtotext.SpeechToTextRoutes}: {@code POST} multipart ({@code model_id} required;
 *       exactly one of {@code file} or {@code cloud_storage_url}/{@code source_url}; {@code num_speakers} 1–32,
 *       {@code timestamps_granularity} none/word/character, {@code diarization_threshold} 0.1–0.4 only with
 *       {@code diarize} and no {@code num_speakers}, {@code file_format} {@code pcm_s16le_16}/{@code other},
 *       {@code additional_formats}, {@code webhook}…) → {@link dev.timbre.speechtotext.TranscriptionRequest};
 *       {@code GET}/{@code DELETE /transcripts/{id}}. {@link dev.timbre.speechtotext.CloudAudio}: through
 *       {@code outbound.OutboundHttp} (public addresses or the allow list), http/https only, 60 s, the upload size
 *       limit; any failure to fetch is one 400 {@code cloud_storage_url_unreadable} message.</li>
 *   <li>{@link dev.timbre.speechtotext.SpeechToTextService}: model = a {@code speech_to_text} model of
 *       {@code models.yaml} or {@code scribe_v1_experimental}/{@code scribe_v2}/{@code scribe_v2_realtime} (else 400
 *       {@code model_not_found}); language ISO 639-1/-3 → the engine's ISO 639-1 (422 malformed, 400 unsupported);
 *       decodes ({@link dev.timbre.speechtotext.AudioInput}: {@code UploadDecoder}, raw {@code pcm_s16le_16},
 *       {@code use_multi_channel} ≤ 5 channels, each transcribed alone); builds words
 *       ({@link dev.timbre.speechtotext.TranscriptBuilder}: a {@code spacing} entry between words, characters spread
 *       evenly over their word, {@code logprob} 0); adds {@code additional_formats}
 *       ({@link dev.timbre.speechtotext.TranscriptExports}: srt, txt, segmented_json, html;
 *       {@link dev.timbre.speechtotext.DocumentExports}: docx via Apache POI, pdf via PDFBox, base64); stores the
 *       response JSON ({@link dev.timbre.speechtotext.TranscriptRepository}, table {@code transcripts}) unless
 *       {@code enable_logging=false}. {@code engine()} is also how forced alignment, realtime and voice agents get
 *       the STT engine.</li>
 *   <li>{@code webhook=true}: audio to the blob store ({@code stt-jobs/{id}}), a row in {@code speech_to_text_jobs}
 *       (the job's status: pending, done, failed; attempts; error) and a durable job of kind
 *       {@code speech-to-text-webhook} ({@code jobs.Jobs}, job id = transcription id), 202 at once. The job, on
 *       whichever node claims it, transcribes (a transcript already stored is reused) and POSTs {@code {type:
 *       speech_to_text_transcription, event_timestamp, data: {request_id, transcription_id, transcription,
 *       webhook_metadata}}} through {@code webhooks.WebhookSender} (4 tries, pause 2 s doubling). Each start is
 *       counted in the row first; the 4th start of a job that never finished delivers an error instead. A job that
 *       throws (interrupted at a stop, database errors) is tried again 5 s, 10 s later; the 3rd failure fails the row
 *       ({@code jobs.Jobs.GiveUp}). A job of a dead node is taken over ({@code jobs} package-info).
 *       {@code resumePending()} at start-up schedules pending rows without a job (idempotent).</li>
 *   <li>{@link dev.timbre.speechtotext.TranscriptSegments}: caption segments (pause > 0.8 s, 10 s, 200 characters)
 *       for the OpenAI alias's srt/vtt.</li>
 * </ul>
 *
 * <p>Errors: no engine configured or loaded → 503 {@code speech_to_text_unavailable} for every call; an
 * {@code EngineException} → 503 {@code speech_to_text_engine_failed} when retryable, else 502 (details only in the
 * log); undecodable audio → 400, too large/long → 413. Threading: requests run on the caller's thread;
 * jobs run on the shared job scheduler's threads, which {@code Timbre} stops (interrupted jobs stay pending
 * and are tried again).
 */
package dev.timbre.speechtotext;
