package dev.timbre.music;

import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of the music API (from the OpenAPI): a plan has 1..30 sections, each named (1..100 characters), lasting
 * 3 000..120 000 ms, with at most 50 styles per list and 30 lines (each at most {@link #MAX_LINE} characters); the
 * whole plan lasts at most {@link #MAX_LENGTH_MS}; {@code music_length_ms} is 10 000..300 000; prompts at most
 * 2 000 characters; {@code model_id} only {@code music_v1}. Every violation becomes one entry of a 422 list naming
 * the field ({@code ["body", "composition_plan", "sections", 2, "duration_ms"]}).
 */
public final class PlanChecks {
    public static final int MIN_LENGTH_MS = 10_000, MAX_LENGTH_MS = 300_000;
    public static final int MIN_SECTION_MS = 3_000, MAX_SECTION_MS = 120_000;
    public static final int MAX_SECTIONS = 30, MAX_STYLES = 50, MAX_LINES = 30, MAX_LINE = 500, MAX_PROMPT = 2_000;
    public static final String MODEL = "music_v1";

    private PlanChecks() {}

    /** Throws a 422 listing every violation of {@code plan}, found under {@code body.<field>}. */
    public static void check(CompositionPlan plan, String field) {
        List<Violation> v = new ArrayList<>();
        plan(plan, field, v);
        if (!v.isEmpty()) throw ApiException.validation(v);
    }

    static void plan(CompositionPlan plan, String field, List<Violation> v) {
        styles(plan.positiveGlobalStyles(), v, field, "positive_global_styles");
        styles(plan.negativeGlobalStyles(), v, field, "negative_global_styles");
        List<CompositionPlan.SongSection> sections = plan.sections();
        if (sections == null) { v.add(missing(field, "sections")); return; }
        if (sections.isEmpty()) v.add(violation("List should have at least 1 item after validation, not 0", "too_short", field, "sections"));
        if (sections.size() > MAX_SECTIONS) v.add(violation("List should have at most " + MAX_SECTIONS + " items after validation, not " + sections.size(), "too_long", field, "sections"));
        for (int i = 0; i < sections.size(); i++) {
            CompositionPlan.SongSection s = sections.get(i);
            if (s == null) { v.add(violation("Input should be a valid dictionary", "dict_type", field, "sections", i)); continue; }
            if (s.sectionName() == null) v.add(missing(field, "sections", i, "section_name"));
            else if (s.sectionName().isBlank() || s.sectionName().length() > 100) v.add(violation("A section name is 1 to 100 characters", "string_too_long", field, "sections", i, "section_name"));
            styles(s.positiveLocalStyles(), v, field, "sections", i, "positive_local_styles");
            styles(s.negativeLocalStyles(), v, field, "sections", i, "negative_local_styles");
            if (s.durationMs() == null) v.add(missing(field, "sections", i, "duration_ms"));
            else if (s.durationMs() < MIN_SECTION_MS) v.add(violation("Input should be greater than or equal to " + MIN_SECTION_MS, "greater_than_equal", field, "sections", i, "duration_ms"));
            else if (s.durationMs() > MAX_SECTION_MS) v.add(violation("Input should be less than or equal to " + MAX_SECTION_MS, "less_than_equal", field, "sections", i, "duration_ms"));
            if (s.lines() == null) v.add(missing(field, "sections", i, "lines"));
            else {
                if (s.lines().size() > MAX_LINES) v.add(violation("List should have at most " + MAX_LINES + " items after validation, not " + s.lines().size(), "too_long", field, "sections", i, "lines"));
                for (int j = 0; j < s.lines().size(); j++) {
                    String line = s.lines().get(j);
                    if (line == null || line.length() > MAX_LINE) v.add(violation("A line is text of at most " + MAX_LINE + " characters", "string_too_long", field, "sections", i, "lines", j));
                }
            }
        }
        if (v.isEmpty() && plan.durationMs() > MAX_LENGTH_MS) {
            v.add(violation("The sections last " + plan.durationMs() + " ms; a song lasts at most " + MAX_LENGTH_MS + " ms", "less_than_equal", field, "sections"));
        }
    }

    /** 422 unless {@code ms} is null or within the API's bounds. */
    static void length(Integer ms, List<Violation> v) {
        if (ms == null) return;
        if (ms < MIN_LENGTH_MS) v.add(violation("Input should be greater than or equal to " + MIN_LENGTH_MS, "greater_than_equal", "music_length_ms"));
        if (ms > MAX_LENGTH_MS) v.add(violation("Input should be less than or equal to " + MAX_LENGTH_MS, "less_than_equal", "music_length_ms"));
    }

    static void prompt(String prompt, List<Violation> v) {
        if (prompt != null && prompt.length() > MAX_PROMPT) v.add(violation("String should have at most " + MAX_PROMPT + " characters", "string_too_long", "prompt"));
    }

    static void model(String modelId, List<Violation> v) {
        if (modelId != null && !modelId.equals(MODEL)) v.add(violation("Input should be '" + MODEL + "'", "literal_error", "model_id"));
    }

    private static void styles(List<String> styles, List<Violation> v, Object... loc) {
        if (styles == null) { v.add(missing(loc)); return; }
        if (styles.size() > MAX_STYLES) v.add(violation("List should have at most " + MAX_STYLES + " items after validation, not " + styles.size(), "too_long", loc));
        for (int i = 0; i < styles.size(); i++) {
            if (styles.get(i) == null || styles.get(i).length() > 200) v.add(violation("A style is text of at most 200 characters", "string_type", append(loc, i)));
        }
    }

    private static Violation missing(Object... loc) {
        return violation("Field required", "missing", loc);
    }

    static Violation violation(String msg, String type, Object... loc) {
        return Violation.inBody(msg, type, loc);
    }

    private static Object[] append(Object[] loc, Object last) {
        Object[] out = java.util.Arrays.copyOf(loc, loc.length + 1);
        out[loc.length] = last;
        return out;
    }
}
