package dev.timbre.studio;

import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import dev.timbre.speech.CharacterAlignment;
import java.util.List;
import java.util.Map;

/** The wire shapes of {@code /v1/studio} (field names as in the OpenAPI through the snake_case mapper). */
public final class StudioViews {
    private StudioViews() {}

    /** {@code ProjectResponseModel}. */
    public record Project(String projectId, String name, long createDateUnix, String defaultTitleVoiceId,
                          String defaultParagraphVoiceId, String defaultTitleVoiceRefId, String defaultParagraphVoiceRefId,
                          String defaultModelId, Long lastConversionDateUnix,
                          boolean canBeDownloaded, String title, String author, String description, List<String> genres,
                          String coverImageUrl, String targetAudience, String language, String contentType,
                          String originalPublicationDate, Boolean matureContent, String isbnNumber, boolean volumeNormalization,
                          String state, String accessLevel, String fiction, boolean qualityCheckOn,
                          boolean qualityCheckOnWhenBulkConvert, CreationMeta creationMeta, String sourceType,
                          boolean chaptersEnabled, boolean captionsEnabled, Object captionStyle) {}

    /** {@code ProjectExtendedResponseModel}: the project with its chapters and dictionaries. */
    public record ProjectExtended(String projectId, String name, long createDateUnix, String defaultTitleVoiceId,
                                  String defaultParagraphVoiceId, String defaultTitleVoiceRefId, String defaultParagraphVoiceRefId,
                                  String defaultModelId, Long lastConversionDateUnix,
                                  boolean canBeDownloaded, String title, String author, String description, List<String> genres,
                                  String coverImageUrl, String targetAudience, String language, String contentType,
                                  String originalPublicationDate, Boolean matureContent, String isbnNumber,
                                  boolean volumeNormalization, String state, String accessLevel, String fiction,
                                  boolean qualityCheckOn, boolean qualityCheckOnWhenBulkConvert, CreationMeta creationMeta,
                                  String sourceType, boolean chaptersEnabled, boolean captionsEnabled, Object captionStyle,
                                  String qualityPreset, List<Chapter> chapters,
                                  List<PronunciationDictionariesService.VersionInfo> pronunciationDictionaryVersions,
                                  List<Locator> pronunciationDictionaryLocators, String applyTextNormalization,
                                  Map<String, Object> experimental, List<Object> assets, List<ProjectVoice> voices) {
        static ProjectExtended of(Project p, String qualityPreset, List<Chapter> chapters,
                                  List<PronunciationDictionariesService.VersionInfo> versions, List<Locator> locators,
                                  String applyTextNormalization, List<ProjectVoice> voices) {
            return new ProjectExtended(p.projectId(), p.name(), p.createDateUnix(), p.defaultTitleVoiceId(),
                    p.defaultParagraphVoiceId(), p.defaultTitleVoiceRefId(), p.defaultParagraphVoiceRefId(), p.defaultModelId(), p.lastConversionDateUnix(), p.canBeDownloaded(), p.title(),
                    p.author(), p.description(), p.genres(), p.coverImageUrl(), p.targetAudience(), p.language(), p.contentType(),
                    p.originalPublicationDate(), p.matureContent(), p.isbnNumber(), p.volumeNormalization(), p.state(),
                    p.accessLevel(), p.fiction(), p.qualityCheckOn(), p.qualityCheckOnWhenBulkConvert(), p.creationMeta(),
                    p.sourceType(), p.chaptersEnabled(), p.captionsEnabled(), p.captionStyle(), qualityPreset, chapters, versions,
                    locators, applyTextNormalization, Map.of(), List.of(), voices);
        }
    }

    /** A voice the project uses (newer clients' {@code ProjectVoiceResponseModel}); its ref id is the voice id. */
    public record ProjectVoice(String projectVoiceRefId, String voiceId, String alias, double stability, double similarityBoost,
                               double style, boolean isPinned, boolean useSpeakerBoost, double volumeGain, double speed) {}

    public record CreationMeta(double creationProgress, String status, String type) {}

    /** {@code PronunciationDictionaryLocatorResponseModel} (also what a project stores). */
    public record Locator(String pronunciationDictionaryId, String versionId) {}

    public record ChapterStatistics(int charactersUnconverted, int charactersConverted, int paragraphsConverted,
                                    int paragraphsUnconverted) {}

    /** {@code ChapterResponseModel}. */
    public record Chapter(String chapterId, String name, Long lastConversionDateUnix, Double conversionProgress,
                          boolean canBeDownloaded, String state, boolean hasVideo, ChapterStatistics statistics,
                          String lastConversionError) {}

    /** {@code ChapterWithContentResponseModel}. */
    public record ChapterWithContent(String chapterId, String name, Long lastConversionDateUnix, Double conversionProgress,
                                     boolean canBeDownloaded, String state, boolean hasVideo, ChapterStatistics statistics,
                                     String lastConversionError, Content content) {
        static ChapterWithContent of(Chapter c, ChapterContent content) {
            return new ChapterWithContent(c.chapterId(), c.name(), c.lastConversionDateUnix(), c.conversionProgress(),
                    c.canBeDownloaded(), c.state(), c.hasVideo(), c.statistics(), c.lastConversionError(),
                    new Content(content.blocks()));
        }
    }

    public record Content(List<ChapterContent.Block> blocks) {}

    public record ProjectEnvelope(Project project) {}

    public record Projects(List<Project> projects) {}

    public record Chapters(List<Chapter> chapters) {}

    public record ChapterEnvelope(ChapterWithContent chapter) {}

    public record Status(String status) {
        static final Status OK = new Status("ok");
    }

    /** {@code ProjectSnapshotResponseModel} / {@code ProjectSnapshotExtendedResponseModel} (with alignments). */
    public record ProjectSnapshot(String projectSnapshotId, String projectId, long createdAtUnix, String name,
                                  Object audioUpload, Object zipUpload) {}

    public record ProjectSnapshotExtended(String projectSnapshotId, String projectId, long createdAtUnix, String name,
                                          Object audioUpload, Object zipUpload, List<CharacterAlignment> characterAlignments,
                                          double audioDurationSecs) {}

    public record ProjectSnapshots(List<ProjectSnapshot> snapshots) {}

    /** {@code ChapterSnapshotResponseModel} / {@code ChapterSnapshotExtendedResponseModel}. */
    public record ChapterSnapshot(String chapterSnapshotId, String projectId, String chapterId, long createdAtUnix, String name) {}

    /** With {@code character_alignments}: one {@code CharacterAlignmentModel} per block, seconds from the snapshot's start. */
    public record ChapterSnapshotExtended(String chapterSnapshotId, String projectId, String chapterId, long createdAtUnix,
                                          String name, List<CharacterAlignment> characterAlignments) {}

    public record ChapterSnapshots(List<ChapterSnapshot> snapshots) {}
}
