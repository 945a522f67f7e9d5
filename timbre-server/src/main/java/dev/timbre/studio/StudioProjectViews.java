package dev.timbre.studio;

import dev.timbre.pronunciationdictionaries.PronunciationDictionariesService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stored projects and chapters → their API shapes. A project is {@code converting} while its whole conversion or any
 * chapter's runs; a chapter's statistics count its blocks already spoken with their current content. Thread-safe.
 */
final class StudioProjectViews {
    private final StudioRepository studio;
    private final ConversionRepository rows;
    private final PronunciationDictionariesService dictionaries;
    private final dev.timbre.voices.VoicesService voices;

    StudioProjectViews(StudioRepository studio, ConversionRepository rows, PronunciationDictionariesService dictionaries,
                       dev.timbre.voices.VoicesService voices) {
        this.voices = voices;
        this.studio = studio;
        this.rows = rows;
        this.dictionaries = dictionaries;
    }

    StudioViews.Project project(StudioRepository.StoredProject p) {
        return project(p, studio.chapters(p.projectId()));
    }

    private static StudioViews.Project project(StudioRepository.StoredProject p, List<StudioRepository.StoredChapter> chapters) {
        boolean converting = "converting".equals(p.state()) || chapters.stream().anyMatch(c -> "converting".equals(c.state()));
        ProjectDetails d = p.details();
        return new StudioViews.Project(p.projectId(), p.name(), p.createDateUnix(), p.defaultTitleVoiceId(), p.defaultParagraphVoiceId(),
                p.defaultTitleVoiceId(), p.defaultParagraphVoiceId(), p.defaultModelId(), p.lastConversionDateUnix(), p.lastConversionDateUnix() != null, d.title(), d.author(), d.description(),
                d.genres() == null ? List.of() : d.genres(), null, d.targetAudience(), d.language(), d.contentType(),
                d.originalPublicationDate(), d.matureContent(), d.isbnNumber(), p.volumeNormalization(), converting ? "converting" : "default",
                "admin", d.fiction(), false, false, new StudioViews.CreationMeta(1.0, "finished",
                "genfm".equals(d.sourceType()) ? "generate_podcast" : "blank"), d.sourceType(), true, false, null);
    }

    StudioViews.ProjectExtended extended(StudioRepository.StoredProject p) {
        List<StudioRepository.StoredChapter> chapters = studio.chapters(p.projectId());
        List<PronunciationDictionariesService.VersionInfo> versions = p.locators().stream()
                .map(l -> versionOrNull(new PronunciationDictionariesService.Locator(l.pronunciationDictionaryId(), l.versionId())))
                .filter(v -> v != null).toList();
        return StudioViews.ProjectExtended.of(project(p, chapters), p.qualityPreset(),
                chapters.stream().map(c -> chapter(p, c)).toList(), versions, p.locators(), p.applyTextNormalization(),
                voices(p, chapters));
    }

    /** The default voices, then every voice the content names, each once, with its stored settings. */
    private List<StudioViews.ProjectVoice> voices(StudioRepository.StoredProject p, List<StudioRepository.StoredChapter> chapters) {
        Set<String> ids = new java.util.LinkedHashSet<>(List.of(p.defaultTitleVoiceId(), p.defaultParagraphVoiceId()));
        for (var c : chapters) ids.addAll(c.content().voices());
        List<StudioViews.ProjectVoice> out = new java.util.ArrayList<>();
        for (String id : ids) {
            String name;
            dev.timbre.voices.VoiceSettings s;
            try {
                var v = voices.resolve(id);
                name = v.name();
                s = v.settings();
            } catch (dev.timbre.http.ApiException e) {
                continue; // deleted since
            }
            var d = dev.timbre.voices.VoiceSettings.DEFAULT;
            out.add(new StudioViews.ProjectVoice(id, id, name, or(s.stability(), d.stability()), or(s.similarityBoost(), d.similarityBoost()),
                    or(s.style(), d.style()), false, s.useSpeakerBoost() != null ? s.useSpeakerBoost() : true, 0.0, or(s.speed(), 1.0)));
        }
        return out;
    }

    private static double or(Double v, double dflt) {
        return v != null ? v : dflt;
    }

    private PronunciationDictionariesService.VersionInfo versionOrNull(PronunciationDictionariesService.Locator l) {
        try {
            return dictionaries.version(l);
        } catch (dev.timbre.http.ApiException e) {
            return null; // the dictionary was deleted since: the locator stays, the version is not shown
        }
    }

    StudioViews.Chapter chapter(StudioRepository.StoredProject p, StudioRepository.StoredChapter c) {
        Set<String> spoken = rows.paragraphs(c.chapterId()).stream().map(ConversionRepository.Paragraph::fingerprint).collect(Collectors.toSet());
        int converted = 0, unconverted = 0, charsConverted = 0, charsUnconverted = 0;
        for (ChapterContent.Block b : c.content().blocks()) {
            int chars = b.text().length();
            if (chars == 0) continue;
            if (spoken.contains(BlockSpeech.fingerprint(p, b))) {
                converted++;
                charsConverted += chars;
            } else {
                unconverted++;
                charsUnconverted += chars;
            }
        }
        return new StudioViews.Chapter(c.chapterId(), c.name(), c.lastConversionDateUnix(), c.conversionProgress(),
                c.lastConversionDateUnix() != null, "converting".equals(c.state()) ? "converting" : "default", false,
                new StudioViews.ChapterStatistics(charsUnconverted, charsConverted, converted, unconverted), c.lastConversionError());
    }

    StudioViews.ChapterWithContent withContent(StudioRepository.StoredProject p, StudioRepository.StoredChapter c) {
        return StudioViews.ChapterWithContent.of(chapter(p, c), c.content());
    }
}
