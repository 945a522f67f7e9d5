/**
 * Dubbing ({@code /v1/dubbing}): an audio or video file (or {@code source_url}, fetched under the outbound policy)
 * turned into another language, as ElevenLabs' automatic dubbing.
 *
 * <p>Roles: {@link dev.timbre.dubbing.DubbingRoutes} (HTTP only) → {@link dev.timbre.dubbing.DubbingService} (create,
 * list, get, delete, audio, transcript) with {@link dev.timbre.dubbing.DubbingChecks} (languages, media, limits, before
 * a dub is accepted) → {@link dev.timbre.dubbing.DubbingRuns} ({@link dev.timbre.dubbing.JobDubbingRuns}: a durable
 * job per dub on the server's {@code jobs.Jobs}, claimed by one node, resumed after a restart or on another node) →
 * {@link dev.timbre.dubbing.DubbingPipeline} (stage order, checkpoints, attempts) → {@link dev.timbre.dubbing.DubbingStages}.
 * {@link dev.timbre.dubbing.DubbingSetup} assembles it for {@code Timbre}.
 *
 * <p>Pipeline, each stage's result stored before the stage is recorded in {@code dubbings.stage} (a restart resumes
 * after it; spoken segments are not spoken again): extract ({@link dev.timbre.dubbing.Media}: ffmpeg, the
 * {@code start_time}/{@code end_time} range, mono 22.05 kHz; without ffmpeg the in-process decoders, audio only) →
 * separate ({@link dev.timbre.dubbing.DubMix}: speech = {@code audioisolation.suppression.NoiseSuppressor}'s estimate,
 * background = source − speech; or the uploaded {@code foreground_audio_file}/{@code background_audio_file}) →
 * transcribe ({@link dev.timbre.dubbing.SourceTranscript}: the server's recogniser, {@code speechtotext.diarize},
 * {@link dev.timbre.dubbing.Segmenter}; or a manual dub's {@code csv_file} rows, {@link dev.timbre.dubbing.DubbingCsv})
 * → translate ({@code translation.Translators}, except where the CSV gives the translation) →
 * voices ({@link dev.timbre.dubbing.SpeakerVoices}: an instant clone per speaker and language through
 * {@code voices.VoiceFitting} on the engine that speaks the language) → speak ({@link dev.timbre.dubbing.SegmentSpeech}
 * through {@code speech.SpeechSynthesizer}; fitted into the time up to the next segment with
 * {@code audio.Wsola}, at most 1.5× faster, else counted as an overrun) → render (mixed over the background, MP3; a
 * video source muxed back, MP4: {@link dev.timbre.dubbing.VideoLook} copies the video stream, or re-encodes it with
 * libx264 {@code veryfast} when it must be scaled to 720 lines ({@code highest_resolution=false}, the default, and a
 * taller source) or watermarked ({@code watermark=true}, drawtext "Timbre" with DejaVu Sans, else a drawbox).
 * {@code use_profanity_filter}: {@link dev.timbre.dubbing.Profanity} censors the shown texts (transcripts, resource
 * view) with a built-in English/Spanish word list; the stored texts stay as recognised.
 *
 * <p>Storage (V28): {@code dubbings} (status, stage, options, media), {@code dubbing_speakers} (voices per language),
 * {@code dubbing_segments}, {@code dubbing_segment_dubs} (per language: text, fitted audio, overrun, stale),
 * {@code dubbing_renders}; blobs under {@code dubbing/{id}/} (source, a manual dub's {@code source.csv},
 * {@code foreground.bin}, {@code background.bin} — all stored before the row is inserted — stage PCM, segment PCM,
 * renders). A manual dub is marked in {@code dubbings.options} ({@code csv}, {@code foreground}, {@code background},
 * {@code csv_fps}); no schema change. The shapes fit
 * the dubbing-resource editing endpoints (speaker tracks, segments with per-language dubs, renders).
 *
 * <p>Editing ({@code /v1/dubbing/resource/{id}}): {@link dev.timbre.dubbing.DubbingResourceRoutes} (HTTP only) →
 * {@link dev.timbre.dubbing.DubbingResourceService} (a finished dub only: 425 while dubbing, 400 when failed; each change
 * increments {@code dubbings.version}) with {@code ResourceRepository} (SQL of single segments, dubs, languages) and
 * {@code ResourceViews} (the {@code DubbingResource} shape, {@code ResourceView} records, plus Timbre's {@code edits});
 * {@code ResourceWork} re-transcribes, re-translates and re-dubs chosen segments with the pipeline's pieces, and fits a
 * speaker's new clone ({@code track-clone}/{@code clip-clone}) (an edited segment's dubs become {@code audio_stale}
 * until dubbed again) as durable edit jobs ({@code JobDubbingEdits}, kind
 * {@code dubbing-edit}, rows in V31 {@code dubbing_edits} via {@code EditRepository}): the request checks its input,
 * stores the edit {@code queued} and answers the version; a dub's edits run one at a time in version order, each
 * {@code processing} with {@code done}/{@code total} items, then {@code complete} or {@code failed}, and a run cut by a
 * restart resumes after its last finished item; at most 100 edits wait server-wide (429). Renders are durable jobs
 * ({@code JobDubbingRenders}, kind {@code dubbing-render}) mixing with {@link dev.timbre.dubbing.DubbingStages}'s mix:
 * row {@code processing} → {@code complete} or {@code failed}.
 *
 * <p>Threading: routes on Jetty threads; each dub runs on one {@code db-scheduler} job thread (shared with the other
 * durable jobs, {@code TIMBRE_JOB_THREADS}; at most 100 dubs unfinished, then 429) and blocks it on ffmpeg (30 min
 * limit per call), the recogniser, the translator and speech slots (a full speech queue is waited out, not failed).
 */
package dev.timbre.dubbing;
