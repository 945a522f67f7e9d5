package dev.timbre.dubbing;

import dev.timbre.http.Json;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dubbing-resource edits {@code transcribe}, {@code translate}, {@code dub} and a speaker's new clone
 * ({@code clone}: {@code PATCH …/speaker/{id}} with {@code track-clone}/{@code clip-clone}; its row's segments hold the
 * speaker's id) as durable jobs
 * ({@code dev.timbre.jobs}, kind {@code dubbing-edit}): the request stores the edit ({@link EditRepository},
 * {@code queued}) and answers; a dub's edits run one at a time in version order (only the first unfinished one is
 * scheduled, and each one schedules the next when it ends), so a {@code dub} after a {@code translate} speaks the new
 * text. The edit is {@code processing} with its items counted while it runs, then {@code complete}, or {@code failed}
 * with the reason (a {@link DubbingFailure}, storage, or {@link #ATTEMPTS} runs cut short). A run cut by a restart is
 * taken up again (here or on another node) after the items it finished. At most {@link #MAX_UNFINISHED} edits wait on
 * the whole server. Thread-safe.
 */
final class JobDubbingEdits {
    static final int MAX_UNFINISHED = 100, ATTEMPTS = 4;
    static final String TRANSCRIBE = "transcribe", TRANSLATE = "translate", DUB = "dub", CLONE = "clone";
    private static final Logger LOG = LoggerFactory.getLogger(JobDubbingEdits.class);
    private static final String GONE = "the edit was withdrawn";

    /** The job's data: which edit (its request is in the row). */
    record EditJob(String dubbingId, int version) {}

    private final JobKind<EditJob> kind;
    private final DubbingRepository dubs;
    private final SegmentRepository parts;
    private final EditRepository edits;
    private final ResourceWork work;
    private final Clock clock;

    JobDubbingEdits(Jobs jobs, DubbingRepository dubs, SegmentRepository parts, EditRepository edits, ResourceWork work, Clock clock) {
        this.dubs = dubs;
        this.parts = parts;
        this.edits = edits;
        this.work = work;
        this.clock = clock;
        this.kind = jobs.register("dubbing-edit", EditJob.class, new Retries(ATTEMPTS, Duration.ofSeconds(5)), (id, job) -> run(job),
                (id, job, cause) -> {
                    edits.finish(job.dubbingId(), job.version(), EditRepository.FAILED, "gave up after " + ATTEMPTS + " attempts");
                    kickNext(job.dubbingId());
                });
    }

    /** Whether another edit may be queued (fewer than {@link #MAX_UNFINISHED} unfinished on the server). */
    boolean hasRoom() {
        return edits.countUnfinished() < MAX_UNFINISHED;
    }

    /** Whether a {@link #CLONE} of {@code speakerId} waits or runs (a voice set meanwhile would be replaced by it). */
    boolean cloning(String dubbingId, String speakerId) {
        return edits.unfinished(dubbingId).stream().anyMatch(e -> e.operation().equals(CLONE) && e.segments().contains(speakerId));
    }

    /** Stores the edit answered with {@code version} and schedules it (or leaves it for the dub's earlier edits). */
    void submit(String dubbingId, int version, String operation, List<String> segments, List<String> languages, int total) {
        edits.insert(dubbingId, version, operation, segments, languages, total, clock.millis());
        kickNext(dubbingId);
    }

    /** Schedules the dub's first unfinished edit unless it is scheduled or running already. */
    private void kickNext(String dubbingId) {
        edits.next(dubbingId).ifPresent(e -> kind.schedule(dubbingId + ".edit." + e.version(), new EditJob(dubbingId, e.version())));
    }

    private void run(EditJob job) throws InterruptedException {
        Optional<EditRepository.Edit> found = edits.find(job.dubbingId(), job.version());
        Optional<Dubbing> d = dubs.find(job.dubbingId());
        if (found.isEmpty() || d.isEmpty()) return; // the dub was deleted
        EditRepository.Edit e = found.get();
        Optional<EditRepository.Edit> first = edits.next(job.dubbingId());
        if (!e.finished() && first.isPresent() && first.get().version() < e.version()) { // an earlier edit was stored after
            kickNext(job.dubbingId()); // this one was scheduled: it runs first, and schedules this one when it ends
            return;
        }
        if (!e.finished()) {
            if (e.done() > 0) LOG.info("{} {} of dub {} resumed after {} of {} items", e.operation(), e.version(), e.dubbingId(), e.done(), e.total());
            edits.progress(e.dubbingId(), e.version(), e.done());
            try {
                work(d.get(), e);
                edits.finish(e.dubbingId(), e.version(), EditRepository.COMPLETE, null);
            } catch (DubbingFailure | IOException x) {
                if (GONE.equals(x.getMessage())) return;
                LOG.info("{} {} of dub {} failed: {}", e.operation(), e.version(), e.dubbingId(), x.toString());
                edits.finish(e.dubbingId(), e.version(), EditRepository.FAILED, x instanceof DubbingFailure ? x.getMessage()
                        : "the server could not store the edit's work");
            }
        }
        kickNext(job.dubbingId());
    }

    private void work(Dubbing d, EditRepository.Edit e) throws DubbingFailure, IOException, InterruptedException {
        ResourceWork.Progress progress = new ResourceWork.Progress() {
            @Override public int from() { return e.done(); }

            @Override public void done(int done) throws DubbingFailure {
                if (!edits.progress(e.dubbingId(), e.version(), done)) throw new DubbingFailure(GONE);
            }
        };
        switch (e.operation()) {
            case TRANSCRIBE -> work.transcribe(d, segments(d, e.segments()), progress);
            case TRANSLATE -> work.translate(d, segments(d, e.segments()), e.languages(), progress);
            case DUB -> work.dub(d, Json.MAPPER.readValue(d.options(), DubbingOptions.class), new HashSet<>(e.segments()), e.languages(), progress);
            case CLONE -> work.cloneSpeaker(d, e.segments().get(0), e.languages(), progress); // segments: [the speaker's id]
            default -> throw new DubbingFailure("unknown edit " + e.operation());
        }
    }

    /** The named segments still there, in the request's order. */
    private List<SegmentRepository.Segment> segments(Dubbing d, List<String> ids) {
        Map<String, SegmentRepository.Segment> byId = parts.segments(d.id()).stream()
                .collect(Collectors.toMap(SegmentRepository.Segment::segmentId, Function.identity()));
        return ids.stream().map(byId::get).filter(s -> s != null).toList();
    }
}
