package dev.timbre.studio.podcasts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A podcast written without a language model: the sources' sentences in order (those of 4–60 words), read in turns
 * with short connecting phrases (conversation: host and guest alternate; bulletin: the host reads), between an intro
 * that names the topic and an outro (or the request's own); highlights are read by the host after the intro. The
 * topic is the first source's title, else its first words. Deterministic; stateless.
 */
final class TemplatePodcast {
    private static final String[] HOST = {"Let's start with this.", "Here is the next point.", "Another thing worth knowing.",
            "Moving on.", "And there is more."};
    private static final String[] GUEST = {"Right.", "Exactly.", "That's interesting.", "Yes, and", "Good point."};

    private TemplatePodcast() {}

    static PodcastScript write(PodcastBrief brief) {
        List<String> sentences = sentences(brief.text());
        String topic = topic(brief, sentences);
        List<PodcastScript.Line> lines = new ArrayList<>();
        boolean talk = brief.conversation();
        lines.add(new PodcastScript.Line(true, brief.intro() != null ? brief.intro()
                : talk ? "Welcome to the show. Today we are talking about " + topic + "." : "Here is your bulletin on " + topic + "."));
        if (talk) lines.add(new PodcastScript.Line(false, "Thanks for having me. I have been looking forward to this one."));
        for (String h : brief.highlights()) lines.add(new PodcastScript.Line(true, "One thing we want to highlight: " + h.strip()));
        int room = Math.max(2, brief.targetLines() - lines.size() - 2);
        for (int i = 0; i < Math.min(room, sentences.size()); i++) {
            boolean host = !talk || i % 2 == 0;
            String lead = i == 0 ? "" : host ? (talk && i % 4 == 0 ? HOST[(i / 2) % HOST.length] + " " : "")
                    : GUEST[(i / 2) % GUEST.length] + " ";
            String s = sentences.get(i);
            if (lead.endsWith("and ")) s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
            lines.add(new PodcastScript.Line(host, lead + s));
        }
        lines.add(new PodcastScript.Line(true, brief.outro() != null ? brief.outro()
                : talk ? "That's all for today. Thanks for listening." : "That was the bulletin. Thanks for listening."));
        if (talk && brief.outro() == null) lines.add(new PodcastScript.Line(false, "Thank you, everyone. Goodbye."));
        return new PodcastScript(title(topic), lines);
    }

    static List<String> sentences(String text) {
        return Arrays.stream(text.replace('\n', ' ').split("(?<=[.!?])\\s+")).map(String::strip)
                .filter(s -> { int w = s.split("\\s+").length; return w >= 4 && w <= 60; }).toList();
    }

    private static String topic(PodcastBrief brief, List<String> sentences) {
        if (brief.sourceTitle() != null && !brief.sourceTitle().isBlank()) return brief.sourceTitle().strip();
        String first = sentences.isEmpty() ? brief.text().strip() : sentences.get(0);
        String[] words = first.replaceAll("[.!?]+$", "").split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(words.length, 10))) + (words.length > 10 ? "…" : "");
    }

    private static String title(String topic) {
        String t = "Podcast: " + topic;
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
