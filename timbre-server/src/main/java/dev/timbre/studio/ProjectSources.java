package dev.timbre.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.knowledgebase.UrlPages;
import dev.timbre.convai.knowledgebase.extract.DocumentFiles;
import dev.timbre.convai.knowledgebase.extract.Extracted;
import dev.timbre.convai.knowledgebase.extract.ExtractionException;
import dev.timbre.convai.knowledgebase.extract.ExtractionLimits;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a project's content is made from, as chapters: {@code from_content_json} (chapters of blocks), a URL (fetched
 * through the outbound policy by {@link UrlPages}, its main text extracted), a document (PDF, EPUB, DOCX, HTML, TXT,
 * Markdown through {@code knowledgebase.extract}) or plain text. A document's text is cut into chapters at lines such
 * as "Chapter 3" or "Part II"; without them it is one chapter. Thread-safe; blocking (the URL, parsing).
 */
final class ProjectSources {
    private static final Pattern CHAPTER_HEADING = Pattern.compile(
            "(?i)^(chapter|part|book|section|prologue|epilogue|introduction|preface|appendix)\\b.{0,80}$");
    static final int MAX_CHAPTERS = 500;

    /** A chapter to store: its name and blocks. */
    record Draft(String name, ChapterContent content) {}

    private final UrlPages pages;
    private final ExtractionLimits limits;

    ProjectSources(UrlPages pages, ExtractionLimits limits) {
        this.pages = pages;
        this.limits = limits;
    }

    /** A heading: short, one line, and not ending as a sentence does. */
    static boolean looksLikeHeading(String text) {
        return text.length() <= 80 && !text.contains("\n") && !text.matches("(?s).*[.,;:!?\"”’)]$") && text.split("\\s+").length <= 10;
    }

    List<Draft> fromUrl(String url, String titleVoice, String paragraphVoice, String fallbackName) {
        return chapters(pages.fetch(url, limits), titleVoice, paragraphVoice, fallbackName);
    }

    List<Draft> fromDocument(String filename, String contentType, byte[] data, String titleVoice, String paragraphVoice,
                             String fallbackName) {
        try {
            return chapters(DocumentFiles.extract(filename, contentType, data, limits), titleVoice, paragraphVoice, fallbackName);
        } catch (ExtractionException e) {
            throw refused(e);
        }
    }

    List<Draft> fromText(String text, String titleVoice, String paragraphVoice, String fallbackName) {
        try {
            return chapters(DocumentFiles.text(text, limits), titleVoice, paragraphVoice, fallbackName);
        } catch (ExtractionException e) {
            throw refused(e);
        }
    }

    /** {@code from_content_json}: a JSON list of {@code {name, blocks}}; 422 at {@code ["body", field]} when malformed. */
    static List<Draft> fromContentJson(String json, String defaultVoice, String field) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.invalid("Invalid JSON: " + e.getOriginalMessage(), "json_invalid", "body", field);
        }
        if (root == null || !root.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", field);
        if (root.size() > MAX_CHAPTERS) throw ApiException.invalid("List should have at most " + MAX_CHAPTERS + " items", "too_long", "body", field);
        List<Draft> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode c = root.get(i);
            if (!c.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body", field, i);
            String name = c.path("name").isTextual() && !c.get("name").asText().isBlank() ? c.get("name").asText() : "Chapter " + (i + 1);
            out.add(new Draft(name, ChapterContent.fromInput(c.get("blocks"), defaultVoice, "body", field, i)));
        }
        return out;
    }

    private static List<Draft> chapters(Extracted extracted, String titleVoice, String paragraphVoice, String fallbackName) {
        List<String> paragraphs = Arrays.stream(extracted.text().split("\n\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        List<Draft> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        String name = extracted.title() != null ? extracted.title() : fallbackName;
        for (String p : paragraphs) {
            if (CHAPTER_HEADING.matcher(p).matches() && looksLikeHeading(p) && current.stream().anyMatch(x -> !looksLikeHeading(x))
                    && out.size() < MAX_CHAPTERS - 1) {
                out.add(new Draft(name, ChapterContent.fromParagraphs(current, titleVoice, paragraphVoice)));
                current = new ArrayList<>();
                name = p;
            } else if (CHAPTER_HEADING.matcher(p).matches() && looksLikeHeading(p) && current.isEmpty()) {
                name = p;
            }
            current.add(p);
        }
        if (!current.isEmpty()) out.add(new Draft(name, ChapterContent.fromParagraphs(current, titleVoice, paragraphVoice)));
        return out;
    }

    private static ApiException refused(ExtractionException e) {
        return switch (e.kind()) {
            case TOO_LARGE -> ApiException.tooLarge(e.getMessage());
            case UNSUPPORTED -> ApiException.badRequest("unsupported_file_type", e.getMessage());
            case EMPTY -> ApiException.badRequest("document_empty", e.getMessage());
            case UNREADABLE -> ApiException.badRequest("document_unreadable", e.getMessage());
        };
    }
}
