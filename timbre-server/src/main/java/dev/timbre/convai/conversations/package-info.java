/**
 * {@code /v1/convai/conversations}: the stored record of every agent conversation (transcript, metadata, analysis,
 * recording), written by the conversation runtime and post-call work, read and rated through the API.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.conversations.ConversationsRoutes}: list ({@code page_size} 1–100, default 30;
 *       {@code agent_id}, {@code call_successful}, {@code call_start_before_unix}/{@code _after_unix} (both
 *       exclusive), {@code user_id}, {@code summary_mode}; newest first; keyset cursor
 *       {@link dev.timbre.convai.conversations.ConversationCursor}), get, delete, {@code POST …/feedback} (overall
 *       {@code like}/{@code dislike}), {@code …/audio} (the recording as {@code audio/mpeg}; 404
 *       {@code conversation_audio_not_found} when none).</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationLog}: the runtime's write side, per conversation in order
 *       started ({@code in-progress}) → updated* (whole transcript after each turn) → audioRecorded? → ended
 *       ({@code processing}, then the {@link dev.timbre.convai.conversations.PostCall} hook); each call persists
 *       before it returns. {@code initiationFailed} keeps no record.</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationRecords}: post-call work's side: {@code details},
 *       {@code saveAnalysis} (→ {@code done}), {@code markFailed} (→ {@code failed}, reason in
 *       {@code metadata.error}).</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationsService}: implements both; with {@code PostCall.NONE} an
 *       ended call goes straight to {@code done}; a hook that throws → {@code failed}. Live feedback lands on the
 *       latest agent entry ({@link dev.timbre.convai.conversations.TranscriptFeedback}: entries carry no event id);
 *       {@code message_count} and like/dislike counts are derived from the transcript
 *       ({@link dev.timbre.convai.conversations.ConversationChange}). Writes for a deleted conversation are dropped.
 *       {@code failInterrupted()} runs at start-up before any socket opens: conversations left {@code initiated} or
 *       {@code in-progress} by a crash become {@code failed} (termination reason "The server stopped during the call",
 *       error 1011), transcript as far as the last stored turn; {@code processing} ones are post-call work's
 *       ({@code ConversationRecords.processing()}). {@code holdsBlob} answers the orphan blob sweep.</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationAudio}: the recording as MP3 (mono 16 kHz 32 kbit/s CBR)
 *       at {@code convai/conversations/{id}/audio.mp3}; encoded on the calling thread (about a second per hour of
 *       audio), so never on the session loop; flags {@link dev.timbre.convai.conversations.AudioFlags}
 *       ({@code has_audio}, {@code has_user_audio}, {@code has_response_audio}) written only by {@code saveAudio},
 *       after the blob. Delete removes row and blob (and a running call's live parts).</li>
 *   <li>{@link dev.timbre.convai.conversations.LiveRecordings} and {@link dev.timbre.convai.conversations.LiveParts}:
 *       a running call's recording in the blob store, so that every node serves it ({@code GET …/audio} while the
 *       call runs: the parts so far, one MP3 stream). Every 5 s of call time (paced by the user's audio,
 *       {@code ConversationLog.recordingSoFar}) the audio completed up to 1 s before the latest user chunk is encoded
 *       by the call's own MP3 encoder and stored as {@code convai/conversations/{id}/live/{nnnnn}.mp3}, in order, no
 *       gaps. The session loop only copies the PCM (≤ 60 s) and hands it to a bounded writer (2 threads, 256 parts
 *       queued; a full queue waits for the next offer; one part per call in flight). When the call ends the final
 *       recording is stored as before, then the parts are deleted; a call cut off by its node's stop
 *       ({@code failInterrupted}, {@code failOrphaned}) gets its parts as its recording (flagged with both sides) and
 *       they are deleted; parts nobody converted go to the orphan sweep once their call is no longer live
 *       ({@code holdsBlob}). Zero-retention and {@code record_voice=false} calls have no recording, so no parts.</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationView}: {@code GetConversationResponseModel}, with the
 *       SDK-required {@code has_auxiliary_audio}, entry feedback as {@code {score, time_in_call_secs}}, turn metrics
 *       as {@code conversation_turn_metrics} ({@link dev.timbre.convai.conversations.TurnMetricsJson}).</li>
 *   <li>{@link dev.timbre.convai.conversations.ConversationRepository}: table {@code conversations} (V8, audio flags
 *       V10): one row per conversation, transcript/metadata/analysis/initiation data as JSON text, no foreign key to
 *       agents (deleting an agent keeps its conversations). A phone call's
 *       {@link dev.timbre.convai.conversations.PhoneCallRecord} ({@code metadata.phone_call}, V26) is written once at
 *       the start, with its call SID in a column of its own so that a carrier's callback finds the conversation
 *       ({@code idByCallSid}).</li>
 * </ul>
 *
 * <p>Threading: thread-safe; one lock in the service serialises every read-modify-write of a row, so live feedback,
 * API feedback and post-call writes never lose each other's changes. The audio stream is closed by the caller.
 */
package dev.timbre.convai.conversations;
