package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.convai.recording.RecordedCall;
import dev.timbre.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation records: written by the runtime ({@link ConversationLog}) and post-call work ({@link ConversationRecords}),
 * read and edited through the API. Thread-safe: every read-modify-write of a row holds this service's lock, so live
 * feedback, API feedback and post-call writes never lose each other's changes. Writes for a conversation that was
 * deleted meanwhile are dropped.
 */
public final class ConversationsService implements ConversationLog, ConversationRecords {
    public static final int MAX_PAGE_SIZE = 100;
    /** {@code termination_reason} of a conversation the server stopped under (a crash or kill): see {@link #failInterrupted}. */
    public static final String INTERRUPTED = "The server stopped during the call";
    /** {@code metadata.error.code} when post-call work failed and the call itself had no error (WebSocket 1011). */
    static final int INTERNAL_ERROR = 1011;
    private static final Logger LOG = LoggerFactory.getLogger(ConversationsService.class);

    private final ConversationRepository repository;
    private final ConversationAudio recordings;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile PostCall postCall = PostCall.NONE;

    /** @param recordings where call recordings go; null keeps none (every recording is dropped, audio is a 404) */
    public ConversationsService(ConversationRepository repository, ConversationAudio recordings, Clock clock) {
        this.repository = repository;
        this.recordings = recordings;
        this.clock = clock;
    }

    /** Without call recordings. */
    public ConversationsService(ConversationRepository repository, Clock clock) {
        this(repository, null, clock);
    }

    /** The post-call hook {@link #ended} calls; {@link PostCall#NONE} (the default) marks calls done at once. */
    public void postCall(PostCall postCall) {
        this.postCall = postCall == null ? PostCall.NONE : postCall;
    }

    @Override
    public void initiationFailed(String agentId, String conversationId, String reason) {
        postCall.initiationFailed(agentId, conversationId, reason);
    }

    @Override
    public void started(ConversationStart s) {
        long now = clock.instant().getEpochSecond();
        repository.insert(new StoredConversation(s.conversationId(), s.agentId(), s.agentName(), s.userId(), "in-progress",
                s.startTime().getEpochSecond(), 0, 0, "unknown", List.of(), ConversationMetadata.of(s), null,
                s.initiationClientData(), null, null, 0, 0, null, s.textOnly(), "", null, null, now, now, 0, AudioFlags.NONE,
                s.phoneCall()));
    }

    @Override
    public void updated(String conversationId, List<TranscriptEntry> transcript) {
        change(conversationId, c -> {
            List<TranscriptEntry> entries = TranscriptFeedback.keep(c.transcript(), transcript);
            int duration = (int) Math.max(c.callDurationSecs(), clock.instant().getEpochSecond() - c.startTimeUnix());
            return ConversationChange.of(c).transcript(entries).duration(duration).build(clock);
        });
    }

    @Override
    public void recordingSoFar(String conversationId, CallRecording recording, long atMillis) {
        if (recordings != null) recordings.live().offer(conversationId, recording, atMillis);
    }

    /**
     * Stores the recording (blob first, then the flags), then deletes the call's live parts; a recording of a
     * conversation that is gone is dropped.
     */
    @Override
    public void audioRecorded(String conversationId, RecordedCall audio) {
        if (recordings == null) return;
        try {
            if (audio.isEmpty() || repository.find(conversationId).isEmpty()) return;
            AudioFlags flags = recordings.store(conversationId, audio);
            synchronized (lock) {
                if (!repository.saveAudio(conversationId, flags)) recordings.delete(conversationId);
            }
        } catch (IOException e) {
            LOG.warn("could not store the recording of conversation {}: {}", conversationId, e.toString());
        } finally {
            recordings.live().finish(conversationId);
        }
    }

    @Override
    public void ended(String conversationId, ConversationEnd end) {
        boolean stored = change(conversationId, c -> {
            List<TranscriptEntry> entries = TranscriptFeedback.keep(c.transcript(), end.transcript());
            int duration = (int) Math.max(0, end.endTime().getEpochSecond() - c.startTimeUnix());
            return ConversationChange.of(c).transcript(entries).duration(duration).status("processing")
                    .termination(end.terminationReason()).error(end.errorCode(), end.errorReason()).build(clock);
        });
        if (!stored) return;
        PostCall hook = postCall;
        if (hook == PostCall.NONE) {
            change(conversationId, c -> ConversationChange.of(c).status("done").build(clock));
            return;
        }
        try {
            hook.conversationEnded(conversationId);
        } catch (RuntimeException e) {
            LOG.warn("post-call work for {} could not start: {}", conversationId, e.toString());
            markFailed(conversationId, "Post-call processing could not start: " + e.getMessage());
        }
    }

    /** The conversation of a phone call by its call SID (Twilio) or SIP Call-ID; the newest if several. */
    public Optional<String> byCallSid(String callSid) {
        return callSid == null || callSid.isBlank() ? Optional.empty() : repository.idByCallSid(callSid);
    }

    /** Live feedback on the latest agent message (clients can rate only the latest agent response); see {@link TranscriptFeedback}. */
    @Override
    public void feedback(String conversationId, String score, int eventId) {
        if (score != null && !score.equals("like") && !score.equals("dislike")) return;
        change(conversationId, c -> {
            List<TranscriptEntry> entries = TranscriptFeedback.onLatestAgentMessage(c.transcript(), score);
            ConversationChange change = ConversationChange.of(c).transcript(entries);
            if (score != null) change.overallScore(score);
            return change.build(clock);
        });
    }

    @Override
    public Optional<ObjectNode> details(String conversationId) {
        return repository.find(conversationId).map(ConversationView::of);
    }

    @Override
    public void saveAnalysis(String conversationId, Analysis analysis) {
        ObjectNode json = AnalysisJson.of(analysis);
        change(conversationId, c -> ConversationChange.of(c).analysis(json, analysis.callSuccessful(),
                analysis.transcriptSummary(), analysis.callSummaryTitle()).status("done").build(clock));
    }

    @Override
    public void markFailed(String conversationId, String reason) {
        change(conversationId, c -> ConversationChange.of(c).status("failed")
                .error(c.errorCode() != null ? c.errorCode() : INTERNAL_ERROR, reason).build(clock));
    }

    /**
     * At start-up, before any conversation can start: every conversation still {@code initiated} or
     * {@code in-progress} was cut off by the previous process (a crash or {@code kill -9}) and becomes {@code failed}
     * with termination reason {@link #INTERRUPTED} and error 1011, its transcript as far as the last finished turn.
     * Returns how many. {@code processing} ones are post-call work's (resumed by it).
     */
    public int failInterrupted() {
        int n = 0;
        for (String id : repository.idsWithStatus(List.of("initiated", "in-progress"))) {
            if (interrupted(id)) n++;
        }
        if (n > 0) LOG.warn("{} conversations were cut off by the last stop; marked failed", n);
        return n;
    }

    /**
     * A cluster sweep ({@code cluster.ClusterNode}): conversations still live on a node that is gone (silent since
     * {@code silentSinceMs}, or — {@code starting} — this node's own previous run) become {@code failed} as
     * {@link #failInterrupted} makes them. Returns how many.
     */
    public int failOrphaned(String self, long silentSinceMs, boolean starting) {
        int n = 0;
        for (String id : repository.orphaned(starting ? self : null, silentSinceMs)) {
            if (interrupted(id)) n++;
        }
        if (n > 0) LOG.warn("{} conversations were cut off by a node that stopped; marked failed", n);
        return n;
    }

    /**
     * A call cut off by its node's stop becomes {@code failed}; the live parts its node stored become its recording
     * (flagged with both sides: the parts do not say who spoke) and are deleted. A failure leaves the parts to the
     * orphan blob sweep. Bounded: at most {@code LiveParts.MAX_PARTS} parts, streamed one at a time.
     */
    private boolean interrupted(String id) {
        if (!change(id, c -> ConversationChange.of(c).status("failed").termination(INTERRUPTED)
                .error(INTERNAL_ERROR, INTERRUPTED).build(clock))) return false;
        if (recordings == null) return true;
        try {
            if (recordings.live().parts().keep(id, ConversationAudio.key(id))) {
                synchronized (lock) {
                    if (!repository.saveAudio(id, new AudioFlags(true, true, true))) recordings.delete(id);
                }
                recordings.live().parts().delete(id, 0);
            }
        } catch (IOException e) {
            LOG.warn("could not keep the live recording of conversation {}: {}", id, e.toString());
        }
        return true;
    }

    /** Conversations of cluster node {@code nodeId} not yet ended in the store (a draining node waits for none). */
    public int liveOn(String nodeId) {
        return repository.liveOn(nodeId);
    }

    /** Stops storing running calls' recording parts (the server is stopping); the rest works on. */
    public void close() {
        recordings.live().close();
    }

    /** Ids of ended conversations waiting for post-call work ({@code processing}), oldest first. */
    @Override
    public List<String> processing() {
        return repository.idsWithStatus(List.of("processing"));
    }

    /** {@code GET /v1/convai/conversations}: newest first, one page. */
    public ConversationsPage list(ConversationQuery q) {
        List<StoredConversation> rows = repository.list(q, ConversationCursor.decode(q.cursor()), q.pageSize() + 1);
        boolean more = rows.size() > q.pageSize();
        if (more) rows = rows.subList(0, q.pageSize());
        String next = more ? ConversationCursor.encode(rows.get(rows.size() - 1)) : null;
        return new ConversationsPage(rows.stream().map(c -> ConversationSummary.of(c, q.includeSummary())).toList(), next, more);
    }

    /** {@code GetConversationResponseModel}, or 404 {@code conversation_not_found}. */
    public ObjectNode get(String conversationId) {
        return details(conversationId).orElseThrow(() -> notFound(conversationId));
    }

    /**
     * Deletes the conversation and its recording, or the live parts of a running call (a part its node stores later is
     * deleted when that call ends).
     */
    public void delete(String conversationId) {
        synchronized (lock) {
            if (!repository.delete(conversationId)) throw notFound(conversationId);
            if (recordings == null) return;
            try {
                recordings.delete(conversationId);
                recordings.live().parts().delete(conversationId, 0);
            } catch (IOException e) {
                LOG.warn("could not delete the recording of conversation {}: {}", conversationId, e.toString());
            }
        }
    }

    /**
     * Retention: deletes the finished conversations of {@code agentId} that started before {@code beforeUnix} (each
     * row, then its recording), in batches; returns how many.
     */
    public int deleteFinishedBefore(String agentId, long beforeUnix) {
        int n = 0;
        for (List<String> batch; !(batch = repository.finishedIdsStartedBefore(agentId, beforeUnix, 100)).isEmpty(); ) {
            for (String id : batch) {
                try {
                    delete(id);
                    n++;
                } catch (ApiException gone) {
                    // deleted meanwhile
                }
            }
        }
        return n;
    }

    /**
     * Retention ({@code delete_audio}): removes the recordings of the finished conversations of {@code agentId}; each
     * conversation stays, with {@code has_audio} false (the flag is cleared before the file goes). Returns how many.
     */
    public int deleteAudioOfFinished(String agentId) {
        int n = 0;
        for (List<String> batch; !(batch = repository.finishedIdsWithAudio(agentId, 100)).isEmpty(); ) {
            for (String id : batch) {
                synchronized (lock) {
                    if (!repository.saveAudio(id, AudioFlags.NONE)) continue;
                    n++;
                    if (recordings == null) continue;
                    try {
                        recordings.delete(id);
                    } catch (IOException e) {
                        LOG.warn("could not delete the recording of conversation {}: {}", id, e.toString());
                    }
                }
            }
        }
        return n;
    }

    /** The agent of {@code conversationId} if it started less than {@code within} ago; empty otherwise or when unknown. */
    public Optional<String> recentAgent(String conversationId, java.time.Duration within) {
        long since = clock.instant().minus(within).getEpochSecond();
        return repository.find(conversationId).filter(c -> c.startTimeUnix() >= since).map(StoredConversation::agentId);
    }

    /** The conversation's overall rating from {@code POST …/feedback}: {@code like} or {@code dislike}. */
    public void rate(String conversationId, String score) {
        if (!change(conversationId, c -> ConversationChange.of(c).overallScore(score).build(clock))) throw notFound(conversationId);
    }

    /**
     * The recording as MP3, for the caller to stream and close; 404 {@code conversation_not_found} for an unknown
     * conversation, 404 {@code conversation_audio_not_found} when it has none (text-only, not allowed to record, or
     * nothing recorded yet). A running call (on any node) answers the audio stored so far: its live parts, one MP3
     * stream; a call that ends meanwhile answers its stored recording.
     */
    public InputStream audio(String conversationId) {
        StoredConversation c = repository.find(conversationId).orElseThrow(() -> notFound(conversationId));
        try {
            if (recordings != null) {
                Optional<InputStream> mp3 = c.audio().hasAudio() ? recordings.open(conversationId)
                        : recordings.live().parts().open(conversationId);
                if (mp3.isEmpty() && !c.audio().hasAudio()
                        && repository.find(conversationId).map(now -> now.audio().hasAudio()).orElse(false)) {
                    mp3 = recordings.open(conversationId); // it ended between the two reads
                }
                if (mp3.isPresent()) return mp3.get();
            }
        } catch (IOException e) {
            LOG.warn("could not read the recording of conversation {}: {}", conversationId, e.toString());
        }
        throw ApiException.notFound("conversation_audio_not_found", "Conversation " + conversationId + " has no audio");
    }

    public static ApiException notFound(String conversationId) {
        return ApiException.notFound("conversation_not_found", "Conversation with id '" + conversationId + "' not found");
    }

    /** Applies {@code edit} to the stored row under the lock; false when there is no such conversation. */
    private boolean change(String conversationId, UnaryOperator<StoredConversation> edit) {
        synchronized (lock) {
            Optional<StoredConversation> old = repository.find(conversationId);
            if (old.isEmpty()) {
                LOG.debug("conversation {} is gone; change dropped", conversationId);
                return false;
            }
            return repository.update(edit.apply(old.get()));
        }
    }

    /**
     * Whether {@code key} is the recording of a stored conversation flagged {@code has_audio}, or a live part of a
     * conversation still running (on any node); for the orphan sweep.
     */
    public boolean holdsBlob(String key) {
        String[] parts = key.split("/");
        if (LiveParts.isPart(key)) {
            return repository.find(parts[2]).map(c -> List.of("initiated", "in-progress").contains(c.status())).orElse(false);
        }
        if (parts.length != 4 || !key.equals(ConversationAudio.key(parts[2]))) return false;
        return repository.find(parts[2]).map(c -> c.audio().hasAudio()).orElse(false);
    }
}
