package dev.timbre.music;

import dev.timbre.music.compose.StyleWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a source plan by rules: styles the prompt names join the positive global styles (and leave the negative
 * ones), what it rules out ("no drums") moves to the negative ones; "add a bridge" adds that section (before a
 * closing outro), "remove the intro" removes the sections so named. The length stays the source's unless
 * {@code music_length_ms} is given or the sections changed; durations are then rescaled to add up exactly (in
 * proportion to the source's). Everything else is kept as it was. Stateless, thread-safe.
 */
final class PlanEditor {
    private static final Pattern ADD = Pattern.compile("\\badd\\s+(?:an?\\s+|another\\s+)?(intro|verse|pre-chorus|chorus|bridge|solo|breakdown|drop|outro)\\b");
    private static final Pattern REMOVE = Pattern.compile("\\b(?:remove|drop|cut|delete)\\s+(?:the\\s+)?([a-z][a-z0-9\\- ]*?)(?=[,.;!]|\\s+(?:and|section)\\b|$)");

    CompositionPlan edit(CompositionPlan source, String prompt, Integer lengthMs) {
        String p = prompt.toLowerCase(Locale.ROOT);
        List<String> negative = PromptPlanner.negatives(p);
        List<String> added = StyleWords.in(p).stream().filter(s -> negative.stream().noneMatch(n -> n.contains(s))).toList();
        List<String> pos = new ArrayList<>(source.positiveGlobalStyles());
        List<String> neg = new ArrayList<>(source.negativeGlobalStyles());
        for (String s : added) {
            neg.removeIf(n -> n.equalsIgnoreCase(s));
            if (pos.stream().noneMatch(x -> x.equalsIgnoreCase(s))) pos.add(s);
        }
        for (String n : negative) {
            pos.removeIf(x -> x.toLowerCase(Locale.ROOT).contains(n));
            if (neg.stream().noneMatch(x -> x.equalsIgnoreCase(n))) neg.add(n);
        }
        List<CompositionPlan.SongSection> sections = new ArrayList<>(source.sections());
        boolean changed = false;
        Matcher remove = REMOVE.matcher(p);
        while (remove.find()) {
            String name = remove.group(1).strip();
            if (sections.size() > 1 && sections.removeIf(s -> s.sectionName().toLowerCase(Locale.ROOT).startsWith(name))) changed = true;
            if (sections.isEmpty()) sections.add(source.sections().get(0));
        }
        Matcher add = ADD.matcher(p);
        while (add.find() && sections.size() < PlanChecks.MAX_SECTIONS) {
            String kind = add.group(1);
            String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            int at = sections.size();
            if (!kind.equals("outro") && sections.get(at - 1).sectionName().toLowerCase(Locale.ROOT).startsWith("outro")) at--;
            if (kind.equals("intro")) at = 0;
            int ms = (int) Math.round(source.durationMs() / (double) source.sections().size() * PromptPlanner.weight(name));
            sections.add(at, new CompositionPlan.SongSection(name, PromptPlanner.localStyles(name), List.of(),
                    Math.max(PlanChecks.MIN_SECTION_MS, ms), List.of()));
            changed = true;
        }
        int total = lengthMs != null ? lengthMs : (int) source.durationMs();
        if (lengthMs != null || changed) {
            int[] ms = Durations.split(sections.stream().map(s -> (double) s.durationMs()).toList(), total,
                    lengthMs != null ? "music_length_ms" : "source_composition_plan");
            for (int i = 0; i < ms.length; i++) sections.set(i, sections.get(i).withDuration(ms[i]));
        }
        return new CompositionPlan(List.copyOf(pos), List.copyOf(neg), List.copyOf(sections));
    }
}
