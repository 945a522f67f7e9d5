package dev.timbre.music;

import dev.timbre.music.compose.StyleWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans a song from a prompt by rules: the styles the prompt names ({@link StyleWords}) become the positive global
 * styles, what it rules out ("no drums", "without vocals", "instrumental") the negative ones; the length is
 * {@code music_length_ms}, else one the prompt states ("45 seconds", "2 minutes", "1:30"), else
 * {@link #DEFAULT_MS}; the sections follow a song form for that length (intro, verses, choruses, bridge, outro),
 * their durations adding up exactly. Lyrics after "lyrics:" go to the verses and choruses. Stateless, thread-safe.
 */
public final class PromptPlanner implements MusicService.Planner {
    public static final int DEFAULT_MS = 30_000;
    private static final List<List<String>> FORMS = List.of(
            List.of("Verse"), List.of("Verse", "Chorus"), List.of("Intro", "Verse", "Chorus"),
            List.of("Intro", "Verse", "Chorus", "Outro"), List.of("Intro", "Verse 1", "Chorus", "Verse 2", "Outro"),
            List.of("Intro", "Verse 1", "Chorus 1", "Verse 2", "Chorus 2", "Outro"),
            List.of("Intro", "Verse 1", "Chorus 1", "Verse 2", "Chorus 2", "Bridge", "Outro"),
            List.of("Intro", "Verse 1", "Chorus 1", "Verse 2", "Chorus 2", "Bridge", "Chorus 3", "Outro"));
    private static final Pattern NEGATION = Pattern.compile("\\b(?:no|without|avoid)\\s+([a-z][a-z\\- ]{1,30}?)(?=[,.;!]|\\s+(?:and|but|with)\\b|$)");
    private static final Pattern SECONDS = Pattern.compile("\\b(\\d{1,3})\\s*(?:s|sec|secs|seconds?)\\b");
    private static final Pattern MINUTES = Pattern.compile("\\b(\\d(?:\\.\\d+)?)\\s*(?:m|min|mins|minutes?)\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d):([0-5]\\d)\\b");
    private static final Pattern LYRICS = Pattern.compile("(?is)\\blyrics\\s*:\\s*(.+)$");

    /** A new plan for {@code prompt}; {@code lengthMs} (checked by the caller) wins over a length in the prompt. */
    @Override
    public CompositionPlan plan(String prompt, Integer lengthMs) {
        String p = prompt.toLowerCase(Locale.ROOT);
        int total = lengthMs != null ? lengthMs : lengthIn(p);
        List<String> negative = negatives(p);
        List<String> positive = new ArrayList<>(StyleWords.in(withoutLyrics(prompt)));
        positive.removeIf(s -> negative.stream().anyMatch(n -> n.contains(s)));
        if (positive.isEmpty()) positive.add("pop");
        int n = Math.max((int) Math.ceil(total / (double) PlanChecks.MAX_SECTION_MS), (int) Math.round(total / 9_000.0));
        List<String> form = FORMS.get(Math.max(1, Math.min(FORMS.size(), Math.min(n, total / PlanChecks.MIN_SECTION_MS))) - 1);
        int[] ms = Durations.split(form.stream().map(PromptPlanner::weight).toList(), total, "music_length_ms");
        List<String> lyrics = negative.contains("vocals") ? List.of() : lyrics(prompt);
        List<CompositionPlan.SongSection> sections = new ArrayList<>();
        List<Integer> sung = new ArrayList<>();
        for (int i = 0; i < form.size(); i++) if (!form.get(i).startsWith("Intro") && !form.get(i).startsWith("Outro")) sung.add(i);
        for (int i = 0; i < form.size(); i++) {
            String name = form.get(i);
            int k = sung.indexOf(i);
            List<String> lines = k < 0 || lyrics.isEmpty() ? List.of()
                    : lyrics.subList(lyrics.size() * k / sung.size(), lyrics.size() * (k + 1) / sung.size());
            sections.add(new CompositionPlan.SongSection(name, localStyles(name), List.of(), ms[i], List.copyOf(lines)));
        }
        return new CompositionPlan(List.copyOf(positive), negative, sections);
    }

    static double weight(String section) {
        if (section.startsWith("Intro") || section.startsWith("Outro")) return 0.6;
        return section.startsWith("Bridge") ? 0.8 : 1.0;
    }

    static List<String> localStyles(String section) {
        String s = section.toLowerCase(Locale.ROOT);
        if (s.startsWith("intro")) return List.of("sparse", "building");
        if (s.startsWith("chorus")) return List.of("full arrangement", "catchy hook");
        if (s.startsWith("bridge")) return List.of("contrast");
        if (s.startsWith("outro")) return List.of("resolving", "fading");
        return List.of("steady groove");
    }

    /** A length the prompt states, within the API's bounds; else {@link #DEFAULT_MS}. */
    static int lengthIn(String p) {
        Matcher clock = CLOCK.matcher(p), min = MINUTES.matcher(p), sec = SECONDS.matcher(p);
        double ms = DEFAULT_MS;
        if (clock.find()) ms = (Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2))) * 1000.0;
        else if (min.find()) ms = Double.parseDouble(min.group(1)) * 60_000;
        else if (sec.find()) ms = Integer.parseInt(sec.group(1)) * 1000.0;
        return (int) Math.max(PlanChecks.MIN_LENGTH_MS, Math.min(PlanChecks.MAX_LENGTH_MS, Math.round(ms)));
    }

    /** What the prompt rules out: "no drums" → "drums"; "instrumental" → "vocals". */
    static List<String> negatives(String p) {
        List<String> out = new ArrayList<>();
        Matcher m = NEGATION.matcher(withoutLyrics(p));
        while (m.find()) {
            String w = m.group(1).strip();
            if (!out.contains(w)) out.add(w);
        }
        if (p.contains("instrumental") && !out.contains("vocals")) out.add("vocals");
        return out;
    }

    static List<String> lyrics(String prompt) {
        Matcher m = LYRICS.matcher(prompt);
        if (!m.find()) return List.of();
        List<String> lines = new ArrayList<>();
        for (String l : m.group(1).split("[\\n/;]|(?<=[.!?])\\s+")) {
            String t = l.strip();
            if (!t.isEmpty() && lines.size() < PlanChecks.MAX_LINES) lines.add(t.length() > PlanChecks.MAX_LINE ? t.substring(0, PlanChecks.MAX_LINE) : t);
        }
        return lines;
    }

    private static String withoutLyrics(String p) {
        Matcher m = LYRICS.matcher(p);
        return m.find() ? p.substring(0, m.start()) : p;
    }
}
