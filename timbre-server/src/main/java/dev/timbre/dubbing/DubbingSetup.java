package dev.timbre.dubbing;

import dev.timbre.audio.UploadDecoder;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.storage.BlobStore;
import dev.timbre.translation.Translators;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceFitting;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Dubbing assembled for the composition root: repositories, the pipeline's parts, the runner ({@link JobDubbingRuns}:
 * durable jobs on the server's scheduler; at most 100 dubs unfinished at once) and the service, with the resource-editing
 * service ({@link DubbingResourceService}: renders as {@link JobDubbingRenders}, transcribe/translate/dub edits as
 * {@link JobDubbingEdits}).
 * {@code TIMBRE_DUBBING_MAX_SECONDS} (default 3600) bounds the range one dub covers.
 */
public final class DubbingSetup {
    public static final long DEFAULT_MAX_SECONDS = 3600;

    private DubbingSetup() {}

    /**
     * @param engines      the loaded TTS engines by provider
     * @param mainProvider the main TTS provider, whose clones {@code mainFitting} fits
     * @param recogniser   the server's speech-to-text engine (throws an {@code ApiException} 503 when none)
     */
    public static DubbingService service(Jdbi jdbi, BlobStore blobs, Supplier<Map<String, TextToSpeech>> engines, String mainProvider,
                                         PremadeVoices premade, VoiceFitting mainFitting, UploadDecoder decoder, Supplier<SpeechToText> recogniser,
                                         SpeechSynthesizer speech, Translators translators, dev.timbre.jobs.Jobs jobs,
                                         Map<String, String> env, Clock clock) {
        long maxSeconds = positive(env.get("TIMBRE_DUBBING_MAX_SECONDS"), DEFAULT_MAX_SECONDS);
        Media media = new Media(UploadDecoder.findOnPath("ffmpeg"), UploadDecoder.findOnPath("ffprobe"), Duration.ofMinutes(30));
        SpeakerVoices voices = new SpeakerVoices(engines, mainProvider, premade,
                p -> p.equals(mainProvider) ? mainFitting : new VoiceFitting(decoder, premade, engines, p));
        DubbingRepository dubs = new DubbingRepository(jdbi);
        SegmentRepository parts = new SegmentRepository(jdbi);
        SourceTranscript transcript = new SourceTranscript(recogniser);
        SegmentSpeech segmentSpeech = new SegmentSpeech(speech, engines, DubbingStages.RATE);
        DubbingStages stages = new DubbingStages(dubs, parts, blobs, media, decoder, transcript, translators, voices, segmentSpeech, maxSeconds);
        DubbingRuns runs = new JobDubbingRuns(jobs, new DubbingPipeline(dubs, stages), dubs, dubs::countRunning, 100);
        DubbingChecks checks = new DubbingChecks(recogniser, translators, voices, media, decoder, maxSeconds);
        ResourceRepository edits = new ResourceRepository(jdbi);
        ResourceWork work = new ResourceWork(parts, edits, blobs, stages, transcript, translators, voices, segmentSpeech);
        EditRepository editJobs = new EditRepository(jdbi);
        DubbingResourceService resource = new DubbingResourceService(dubs, parts, edits, work, new JobDubbingRenders(jobs, dubs, edits, work),
                new JobDubbingEdits(jobs, dubs, parts, editJobs, work, clock), editJobs, premade, blobs);
        return new DubbingService(dubs, parts, blobs, checks, runs, clock, resource);
    }

    private static long positive(String v, long dflt) {
        if (v == null || v.isBlank()) return dflt;
        try {
            long n = Long.parseLong(v.strip());
            return n > 0 ? n : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
