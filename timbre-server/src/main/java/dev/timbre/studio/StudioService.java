package dev.timbre.studio;

import dev.timbre.common.Ids;
import dev.timbre.engines.ModelCatalog;
import dev.timbre.engines.ModelSpec;
import dev.timbre.http.ApiException;
import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import dev.timbre.storage.BlobStore;
import dev.timbre.voices.VoicesService;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Studio projects as use cases: create (blank, {@code from_content_json}, text, URL, document), list, get with
 * chapters, update, delete, replace content, pronunciation dictionaries, convert (queued on {@link StudioConversions}).
 * Voices and model are checked when set (404 / 400), dictionaries resolved to versions when set. Thread-safe.
 */
public final class StudioService {
    static final Set<String> QUALITY_PRESETS = Set.of("standard", "high", "highest", "ultra", "ultra_lossless");
    static final Set<String> TEXT_NORMALIZATION = Set.of("auto", "on", "off", "apply_english");
    static final String DEFAULT_MODEL = dev.timbre.texttospeech.TextToSpeechRequest.DEFAULT_MODEL;

    private final StudioRepository studio;
    private final ConversionRepository rows;
    private final ProjectSources sources;
    private final StudioConversions conversions;
    private final VoicesService voices;
    private final ModelCatalog models;
    private final PronunciationDictionariesService dictionaries;
    private final BlobStore blobs;
    private final Supplier<String> defaultVoice;
    private final Clock clock;
    final StudioProjectViews views;

    StudioService(StudioRepository studio, ConversionRepository rows, ProjectSources sources, StudioConversions conversions,
                  VoicesService voices, ModelCatalog models, PronunciationDictionariesService dictionaries, BlobStore blobs,
                  Supplier<String> defaultVoice, Clock clock) {
        this.studio = studio;
        this.rows = rows;
        this.sources = sources;
        this.conversions = conversions;
        this.voices = voices;
        this.models = models;
        this.dictionaries = dictionaries;
        this.blobs = blobs;
        this.defaultVoice = defaultVoice;
        this.clock = clock;
        this.views = new StudioProjectViews(studio, rows, dictionaries, voices);
    }

    /** Creates a project; with {@code auto_convert} its conversion is queued at once. */
    public StudioRepository.StoredProject create(NewProject r) {
        String fallback = defaultVoice.get();
        String titleVoice = voice(r.titleVoiceId() != null ? r.titleVoiceId() : fallback, "default_title_voice_id");
        String paragraphVoice = voice(r.paragraphVoiceId() != null ? r.paragraphVoiceId() : fallback, "default_paragraph_voice_id");
        String model = model(r.modelId() != null ? r.modelId() : DEFAULT_MODEL, "default_model_id");
        List<StudioViews.Locator> locators = resolve(r.locators());
        String id = Ids.random();
        List<ProjectSources.Draft> drafts = drafts(r.url(), r.document(), r.contentJson(), titleVoice, paragraphVoice, r.name());
        checkVoices(drafts);
        var project = new StudioRepository.StoredProject(id, r.name(), clock.instant().getEpochSecond(), titleVoice, paragraphVoice,
                model, r.qualityPreset(), r.volumeNormalization(), r.applyTextNormalization(), r.details(), locators, "default", null,
                r.audioNative());
        studio.create(project, chapters(id, drafts, 0));
        if (r.autoConvert() && !drafts.isEmpty()) convert(id);
        return studio.project(id).orElseThrow();
    }

    List<StudioRepository.StoredProject> list() {
        return studio.projects();
    }

    public StudioRepository.StoredProject find(String id) {
        return studio.project(id).orElseThrow(() -> notFound(id));
    }

    public java.util.Optional<StudioRepository.StoredProject> findOptional(String id) {
        return studio.project(id);
    }

    /** Whether the project's conversion, or any of its chapters', is queued or running. */
    public boolean isConverting(StudioRepository.StoredProject p) {
        return "converting".equals(views.project(p).state());
    }

    /** {@code POST /v1/studio/projects/{id}}: name, default voices, title, author, ISBN, volume normalisation. */
    StudioRepository.StoredProject update(String id, String name, String titleVoice, String paragraphVoice, String title,
                                          String author, String isbn, boolean volumeNormalization) {
        var p = find(id);
        var updated = new StudioRepository.StoredProject(p.projectId(), name, p.createDateUnix(), voice(titleVoice, "default_title_voice_id"),
                voice(paragraphVoice, "default_paragraph_voice_id"), p.defaultModelId(), p.qualityPreset(), volumeNormalization,
                p.applyTextNormalization(), p.details().withTitleAuthorIsbn(title, author, isbn), p.locators(), p.state(),
                p.lastConversionDateUnix(), p.audioNative());
        studio.updateProject(updated);
        return find(id);
    }

    /** Replaces the Audio Native settings (JSON) of a project. */
    public void audioNative(StudioRepository.StoredProject p, String settings) {
        studio.updateProject(new StudioRepository.StoredProject(p.projectId(), p.name(), p.createDateUnix(), p.defaultTitleVoiceId(),
                p.defaultParagraphVoiceId(), p.defaultModelId(), p.qualityPreset(), p.volumeNormalization(), p.applyTextNormalization(),
                p.details(), p.locators(), p.state(), p.lastConversionDateUnix(), settings));
    }

    /** Deletes the project's rows, then its blobs. */
    void delete(String id) throws IOException {
        find(id);
        List<String> keys = new ArrayList<>();
        for (var c : studio.chapters(id)) for (var p : rows.paragraphs(c.chapterId())) keys.add(p.blobKey());
        for (var s : rows.allSnapshots(id)) {
            keys.add(s.audioKey());
            keys.add(s.alignmentsKey());
        }
        if (!studio.deleteProject(id)) throw notFound(id);
        for (String k : keys) blobs.delete(k);
    }

    /** {@code POST …/content}: the project's chapters replaced by the new source; snapshots stay. */
    public StudioRepository.StoredProject replaceContent(String id, String url, NewProject.Document document, String contentJson,
                                                         boolean autoConvert) {
        var p = find(id);
        if (url == null && document == null && contentJson == null) {
            throw ApiException.invalid("One of from_url, from_document or from_content_json is required", "missing", "body", "from_content_json");
        }
        List<ProjectSources.Draft> drafts = drafts(url, document, contentJson, p.defaultTitleVoiceId(), p.defaultParagraphVoiceId(), p.name());
        checkVoices(drafts);
        List<String> keys = new ArrayList<>();
        for (var c : studio.chapters(id)) for (var para : rows.paragraphs(c.chapterId())) keys.add(para.blobKey());
        studio.replaceChapters(id, chapters(id, drafts, 0));
        for (String k : keys) {
            try {
                blobs.delete(k);
            } catch (IOException e) {
                // an orphan: the start-up sweep removes it
            }
        }
        if (autoConvert && !drafts.isEmpty()) convert(id);
        return find(id);
    }

    /** Sets the project's dictionaries (versions resolved now); the next conversion speaks with them. */
    void dictionaries(String id, List<StudioViews.Locator> locators) {
        var p = find(id);
        studio.updateProject(new StudioRepository.StoredProject(p.projectId(), p.name(), p.createDateUnix(), p.defaultTitleVoiceId(),
                p.defaultParagraphVoiceId(), p.defaultModelId(), p.qualityPreset(), p.volumeNormalization(), p.applyTextNormalization(),
                p.details(), resolve(locators), p.state(), p.lastConversionDateUnix(), p.audioNative()));
    }

    /** Queues the conversion of every chapter; the project is {@code converting} until it ends. */
    public void convert(String id) {
        var p = find(id);
        studio.projectState(id, "converting", null);
        try {
            conversions.submitProject(id);
        } catch (ApiException e) {
            studio.projectState(id, p.state(), null);
            throw e;
        }
    }

    List<StudioRepository.StoredChapter> chapters(String id, List<ProjectSources.Draft> drafts, int from) {
        List<StudioRepository.StoredChapter> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            var d = drafts.get(i);
            out.add(new StudioRepository.StoredChapter(Ids.random(), id, from + i, truncate(d.name()), d.content(), "default", null, null, null));
        }
        return out;
    }

    private List<ProjectSources.Draft> drafts(String url, NewProject.Document document, String contentJson, String titleVoice,
                                              String paragraphVoice, String name) {
        int sources = (url != null ? 1 : 0) + (document != null ? 1 : 0) + (contentJson != null ? 1 : 0);
        if (sources > 1) {
            throw ApiException.badRequest("invalid_content", "Set at most one of from_url, from_document and from_content_json.");
        }
        if (url != null) return sources().fromUrl(url, titleVoice, paragraphVoice, name);
        if (document != null) {
            return sources().fromDocument(document.filename(), document.contentType(), document.data(), titleVoice, paragraphVoice, name);
        }
        if (contentJson != null) {
            String s = contentJson.strip();
            if (s.startsWith("[") || s.startsWith("{")) return ProjectSources.fromContentJson(s, paragraphVoice, "from_content_json");
            return sources().fromText(s, titleVoice, paragraphVoice, name);
        }
        return List.of();
    }

    ProjectSources sources() {
        return sources;
    }

    /** Every voice the content names exists (404 otherwise). */
    void checkVoices(List<ProjectSources.Draft> drafts) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (var d : drafts) for (String v : d.content().voices()) if (seen.add(v)) voices.resolve(v);
    }

    void checkVoices(ChapterContent content) {
        for (String v : content.voices()) voices.resolve(v);
    }

    private String voice(String id, String field) {
        if (id == null || id.isBlank()) throw ApiException.invalid("Field required", "missing", "body", field);
        voices.resolve(id); // 404 voice_not_found
        return id;
    }

    private String model(String id, String field) {
        ModelSpec m = models.spec(id).filter(s -> s.capability().equals(ModelSpec.TEXT_TO_SPEECH)).orElseThrow(() -> ApiException.badRequest(
                "model_not_found", "A model with model ID " + id + " does not exist or does not support text to speech."));
        if (models.textToSpeech(m.modelId()).isEmpty()) {
            throw ApiException.badRequest("model_not_available", "The model " + id + " is not served by this server (" + field + ").");
        }
        return id;
    }

    private List<StudioViews.Locator> resolve(List<StudioViews.Locator> locators) {
        if (locators == null || locators.isEmpty()) return List.of();
        List<PronunciationDictionariesService.Locator> ls = locators.stream()
                .map(l -> new PronunciationDictionariesService.Locator(l.pronunciationDictionaryId(), l.versionId())).toList();
        dictionaries.resolve(ls, "body"); // count and shape: 422; unknown: 404
        return ls.stream().map(l -> new StudioViews.Locator(l.pronunciationDictionaryId(), dictionaries.version(l).versionId())).toList();
    }

    static String truncate(String name) {
        String n = name == null || name.isBlank() ? "Untitled" : name.strip();
        return n.length() > 1000 ? n.substring(0, 1000) : n;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("project_not_found", "Project " + id + " was not found.");
    }
}
