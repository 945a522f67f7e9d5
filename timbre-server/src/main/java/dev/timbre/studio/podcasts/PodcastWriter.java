package dev.timbre.studio.podcasts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.LanguageModel;
import dev.timbre.convai.llm.LanguageModelAnswers;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a podcast: with the configured language model when there is one (asked once for the script as JSON, within
 * {@code timeout}, the source cut to 24,000 characters), else — or when the model fails or answers something that is
 * not such a script — with {@link TemplatePodcast}. Thread-safe; blocking (the model).
 */
final class PodcastWriter {
    private static final Logger LOG = LoggerFactory.getLogger(PodcastWriter.class);
    static final int MAX_SOURCE_CHARS = 24_000, MAX_LINES = 200, MAX_LINE_CHARS = 2_000;

    private final LanguageModel model; // null: the template only
    private final Duration timeout;

    PodcastWriter(LanguageModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    PodcastScript write(PodcastBrief brief) throws InterruptedException {
        if (model != null) {
            try {
                String answer = LanguageModelAnswers.ask(model, system(brief), source(brief), 0.7, 4000, 200_000, timeout);
                if (answer != null) return parse(answer, brief);
                LOG.warn("podcast: the language model gave no answer in time; written from the template");
            } catch (RuntimeException e) {
                LOG.warn("podcast: the language model's script was unusable ({}); written from the template", e.getMessage());
            }
        }
        return TemplatePodcast.write(brief);
    }

    private static String system(PodcastBrief b) {
        return "You write the script of a spoken podcast from the source the user gives. "
                + (b.conversation() ? "Two people talk: the host and a guest, in turns, naturally, about the source's content. "
                : "One host reads a news-style bulletin about the source's content. ")
                + "Length: about " + b.targetLines() + " lines. "
                + (b.language() != null ? "Write in the language with code '" + b.language() + "'. " : "")
                + (b.intro() != null ? "Start with exactly this line by the host: " + b.intro() + " " : "")
                + (b.outro() != null ? "End with exactly this line by the host: " + b.outro() + " " : "")
                + (b.highlights().isEmpty() ? "" : "Be sure to cover: " + String.join("; ", b.highlights()) + ". ")
                + (b.instructions() != null ? "Further instructions: " + b.instructions() + " " : "")
                + "Answer with one JSON object and nothing else: {\"title\": string, \"lines\": [{\"speaker\": \"host\""
                + (b.conversation() ? "|\"guest\"" : "") + ", \"text\": string}]}. Plain spoken text only, no stage directions.";
    }

    private static String source(PodcastBrief b) {
        return b.text().length() > MAX_SOURCE_CHARS ? b.text().substring(0, MAX_SOURCE_CHARS) : b.text();
    }

    static PodcastScript parse(String answer, PodcastBrief brief) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(LanguageModelAnswers.jsonObject(answer));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        List<PodcastScript.Line> lines = new ArrayList<>();
        for (JsonNode l : root.path("lines")) {
            String text = l.path("text").asText("").strip();
            if (text.isEmpty()) continue;
            boolean host = !brief.conversation() || !"guest".equalsIgnoreCase(l.path("speaker").asText());
            lines.add(new PodcastScript.Line(host, text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS) : text));
            if (lines.size() == MAX_LINES) break;
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("no lines");
        String title = root.path("title").asText("").strip();
        return new PodcastScript(title.isEmpty() ? "Podcast" : title.length() > 200 ? title.substring(0, 200) : title, lines);
    }
}
