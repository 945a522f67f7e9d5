/**
 * Work after an agent conversation, durable across restarts: the post-call analysis and ElevenLabs' post-call
 * webhooks ({@code post_call_transcription}, {@code post_call_audio}, {@code call_initiation_failure}).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.postcall.PostCallProcessor} implements {@code conversations.PostCall}:
 *       {@code conversationEnded} stores an {@code analysis} row in {@code post_call_jobs} (V9; the job's status) and
 *       schedules its durable job (kind {@code post-call-analysis}, {@code jobs.Jobs}, job id = row id), then returns.
 *       The job, on whichever node claims it, counts the start in the row, analyses, calls
 *       {@code ConversationRecords.saveAnalysis}, and in the transaction that closes the row queues a
 *       {@code post_call_transcription} webhook ({@code data} = the conversation's GET body) plus, when there is a
 *       recording and audio is asked for ({@code send_audio} or {@code "audio"} in {@code events}, agent overrides
 *       first, then ConvAI settings), a {@code post_call_audio} one, whose jobs it schedules next. An analysis that
 *       throws → {@code markFailed}, no webhook. The 4th start of an analysis that never finished (each took its node
 *       down) fails it and its conversation; one interrupted by a stop is tried again. {@code initiationFailed}
 *       schedules a {@code post-call-initiation-failure} job that queues the {@code call_initiation_failure}
 *       webhook. {@code resumePending()} at start-up schedules pending rows without a job (rows from before the
 *       scheduler; idempotent), fails rows already started 3 times that no node runs, and gives a {@code processing}
 *       conversation without a pending analysis (a crash between ending the call and storing its row) one, so none
 *       stays {@code processing}.</li>
 *   <li>{@link dev.timbre.convai.postcall.ConversationAnalyser}: up to three JSON questions to the agent's LLM
 *       ({@link dev.timbre.convai.postcall.ModelQuery}, 60 s each; prompts in
 *       {@link dev.timbre.convai.postcall.AnalysisPrompts}): criteria, data collection
 *       ({@link dev.timbre.convai.postcall.DataValues} types the answers), summary + title + verdict; read leniently
 *       ({@link dev.timbre.convai.postcall.LenientJson}). The rule model, an empty call or a junk/failed answer fall
 *       back per concern: {@code unknown}, null values, {@link dev.timbre.convai.postcall.ExtractiveSummary}.
 *       Transcript capped at 24 000 characters, both ends kept. {@code call_successful}: failure if any criterion
 *       failed, success if all succeeded, the model's verdict without criteria, else unknown.</li>
 *   <li>{@link dev.timbre.convai.postcall.PostCallWebhooks}: each event a {@code webhook} row holding the whole body
 *       and a {@code post-call-webhook} job that POSTs it signed ({@code webhooks.WebhookSender}); a failed POST is
 *       counted in the row and thrown, and db-scheduler tries again 10 s later, doubling; the 5th failure fails the
 *       row; a job that throws otherwise (database errors) is failed by the give-up callback;
 *       target resolved per attempt ({@link dev.timbre.convai.postcall.PostCallWebhookTargets}: an
 *       {@code post_call_webhook_id} selects the configured webhook with that id, else {@code webhooks.post_call};
 *       none → nothing sent). {@link dev.timbre.convai.postcall.WebhookHealth}: ElevenLabs' auto-disable (≥ 10
 *       consecutive failures and no success for 7 days), re-enabled at the next start.</li>
 *   <li>{@link dev.timbre.convai.postcall.PostCallAudio}: the audio row holds the envelope only; each attempt
 *       streams {@code data.full_audio} (base64 of the stored MP3, via {@link
 *       dev.timbre.convai.postcall.StoredRecordings}) chunked; a job whose recording is gone fails.</li>
 *   <li>{@link dev.timbre.convai.postcall.PostCallJobs}: SQL for {@code post_call_jobs} and
 *       {@code post_call_webhook_health}. {@link dev.timbre.convai.postcall.PostCallSetup}: composes all of it for
 *       {@code Timbre} in one call.</li>
 * </ul>
 *
 * <p>Threading: callers never wait beyond a row insert and a job insert ({@code initiationFailed}: the job insert
 * only). The work runs on the shared job scheduler's threads; {@code Timbre} calls {@code resumePending()} once at
 * start-up and stops the scheduler at stop. An event is sent twice only when a node dies between sending it and
 * recording it (the revived job sends it again).
 */
package dev.timbre.convai.postcall;
