/**
 * Work after an agent conversation, durable across restarts: the post-call analysis and ElevenLabs' post-call
 * webhooks ({@code post_call_transcription}, {@code post_call_audio}, {@code call_initiation_failure}).
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.postcall.PostCallProcessor} implements {@code conversations.PostCall}:
 *       {@code conversationEnded} stores an {@code analysis} row in {@code post_call_jobs} (V9) and returns; two daemon
 *       workers (queue of 1000; beyond that a job waits in the table for the next start) analyse, call
 *       {@code ConversationRecords.saveAnalysis}, and in the transaction that closes the job queue a
 *       {@code post_call_transcription} webhook ({@code data} = the conversation's GET body) plus, when there is a
 *       recording and audio is asked for ({@code send_audio} or {@code "audio"} in {@code events}, agent overrides
 *       first, then ConvAI settings), a {@code post_call_audio} one. An analysis that throws →
 *       {@code markFailed}, no webhook. {@code resumePending()} at start-up: pending analyses run again, each start
 *       counted in {@code attempts} (the 4th start of one that never finished fails it and its conversation: a job that
 *       takes the server down is not retried forever); a {@code processing} conversation without a pending analysis
 *       (a crash between ending the call and storing its job) gets one, so none stays {@code processing}.</li>
 *   <li>{@link dev.timbre.convai.postcall.ConversationAnalyser}: up to three JSON questions to the agent's LLM
 *       ({@link dev.timbre.convai.postcall.ModelQuery}, 60 s each; prompts in
 *       {@link dev.timbre.convai.postcall.AnalysisPrompts}): criteria, data collection
 *       ({@link dev.timbre.convai.postcall.DataValues} types the answers), summary + title + verdict; read leniently
 *       ({@link dev.timbre.convai.postcall.LenientJson}). The rule model, an empty call or a junk/failed answer fall
 *       back per concern: {@code unknown}, null values, {@link dev.timbre.convai.postcall.ExtractiveSummary}.
 *       Transcript capped at 24 000 characters, both ends kept. {@code call_successful}: failure if any criterion
 *       failed, success if all succeeded, the model's verdict without criteria, else unknown.</li>
 *   <li>{@link dev.timbre.convai.postcall.PostCallWebhooks}: each event a {@code webhook} row holding the whole body;
 *       two daemon threads POST it signed ({@code webhooks.WebhookSender}); 5 attempts, retries 10 s apart doubling;
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
 * <p>Threading: callers never wait beyond one row insert ({@code initiationFailed} not even that: a worker queues
 * it). {@code Timbre} owns the processor: {@code resumePending()} once at start-up, {@code close()} at stop.
 */
package dev.timbre.convai.postcall;
