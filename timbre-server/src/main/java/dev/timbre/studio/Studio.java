package dev.timbre.studio;

import dev.timbre.convai.knowledgebase.UrlPages;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import dev.timbre.storage.BlobStore;
import dev.timbre.texttospeech.TextToSpeechService;
import dev.timbre.voices.VoicesService;
import java.time.Clock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Studio assembled for the composition root: repositories, services, the conversion pool (2 threads, 100 waiting),
 * the routes, {@link #resumePending} and {@link #close}. Also what Audio Native builds on ({@link #projects},
 * {@link #snapshots}).
 */
public final class Studio implements AutoCloseable {
    /** Blob keys under this prefix belong to Studio rows. */
    public static final String BLOB_PREFIX = "studio/";

    private final StudioService projects;
    private final ChaptersService chapters;
    private final SnapshotsService snapshots;
    private final ConversionRepository rows;
    private final StudioConversions conversions;
    private final long maxUploadBytes;

    public Studio(Jdbi jdbi, BlobStore blobs, TextToSpeechService speech, VoicesService voices, ModelCatalog models,
                  PronunciationDictionariesService dictionaries, UrlPages pages, Supplier<String> defaultVoice, long maxUploadBytes,
                  dev.timbre.jobs.Jobs jobs, Clock clock) {
        StudioRepository studio = new StudioRepository(jdbi);
        this.rows = new ConversionRepository(jdbi);
        this.conversions = new JobConversions(jobs, new Conversion(studio, rows, new BlockSpeech(speech, blobs, rows, clock), blobs, clock),
                studio);
        this.projects = new StudioService(studio, rows, new ProjectSources(pages, ExtractionLimits.DEFAULT), conversions, voices, models,
                dictionaries, blobs, defaultVoice, clock);
        this.chapters = new ChaptersService(projects, studio, rows, conversions, blobs);
        this.snapshots = new SnapshotsService(projects, chapters, rows, blobs);
        this.maxUploadBytes = maxUploadBytes;
    }

    public StudioRoutes routes() {
        return new StudioRoutes(projects, chapters, snapshots, maxUploadBytes);
    }

    public StudioService projects() {
        return projects;
    }

    /** {@code {"project": …}} for a stored project, as project creation answers. */
    public Object projectEnvelope(StudioRepository.StoredProject p) {
        return new StudioViews.ProjectEnvelope(projects.views.project(p));
    }

    /** The newest project snapshot's id and audio key, if any (Audio Native's player plays it). */
    public java.util.Optional<String[]> latestAudio(String projectId) {
        return rows.snapshots(projectId, null).stream().findFirst().map(s -> new String[] {s.snapshotId(), s.audioKey()});
    }

    /** Queues again the conversions that were running when the server stopped. */
    public void resumePending() {
        conversions.resume();
    }

    public boolean holdsBlob(String key) {
        return rows.holds(key);
    }

    @Override
    public void close() {
        conversions.close();
    }
}
