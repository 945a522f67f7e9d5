package dev.timbre.convai.agenttesting.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The deterministic judge of a response test, used when the agent's model is the built-in rule model (not an AI) or
 * an AI judge's answer is unusable. The first rule that applies decides: a {@code /regex/} success condition; the
 * response equal to a failure or success example (case, spacing and punctuation ignored); phrases in double quotes in
 * the condition, all of which must appear; word overlap (Jaccard) with the examples. Otherwise the result is unknown.
 * Stateless.
 */
final class ResponseRules {
    /** Most response characters a rule looks at. */
    static final int MAX_CHARS = 10_000;
    private static final Pattern REGEX_CONDITION = Pattern.compile("^/(.+)/([is]*)$", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("[\"\u201C]([^\"\u201C\u201D]{1,200})[\"\u201D]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ResponseRules() {}

    static Verdict judge(TestCase test, String response) {
        String text = response.length() > MAX_CHARS ? response.substring(0, MAX_CHARS) : response;
        List<String> m = new ArrayList<>();
        if (text.isBlank()) return Verdict.failure(List.of("The agent gave no text response."), "Rule: an empty response fails.");
        String condition = test.successCondition().strip();
        Matcher re = REGEX_CONDITION.matcher(condition);
        if (re.matches()) {
            int flags = (re.group(2).contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (re.group(2).contains("s") ? Pattern.DOTALL : 0);
            try {
                boolean found = Pattern.compile(re.group(1), flags).matcher(text).find();
                m.add("The response " + (found ? "matches " : "does not match ") + condition + ".");
                return new Verdict(found ? "success" : "failure", m, "Rule: the regular expression in success_condition decided.");
            } catch (PatternSyntaxException e) {
                m.add("success_condition looks like a regular expression but does not compile: " + e.getDescription());
            }
        }
        String norm = normalise(text);
        for (String f : test.failureExamples()) {
            if (normalise(f).equals(norm)) return Verdict.failure(List.of("The response equals the failure example \"" + f + "\"."),
                    "Rule: exact match with a failure example decided.");
        }
        for (String s : test.successExamples()) {
            if (normalise(s).equals(norm)) return Verdict.success(List.of("The response equals the success example \"" + s + "\"."),
                    "Rule: exact match with a success example decided.");
        }
        List<String> phrases = new ArrayList<>();
        Matcher q = QUOTED.matcher(condition);
        while (q.find()) phrases.add(q.group(1));
        if (!phrases.isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            List<String> missing = phrases.stream().filter(p -> !lower.contains(p.toLowerCase(Locale.ROOT))).toList();
            m.add(missing.isEmpty() ? "The response contains every quoted phrase of success_condition: " + phrases + "."
                    : "The response lacks the quoted phrase(s) " + missing + " of success_condition.");
            return new Verdict(missing.isEmpty() ? "success" : "failure", m, "Rule: the quoted phrases in success_condition decided.");
        }
        return bySimilarity(test, text, m);
    }

    private static Verdict bySimilarity(TestCase test, String text, List<String> m) {
        boolean hasSuccess = !test.successExamples().isEmpty();
        boolean hasFailure = !test.failureExamples().isEmpty();
        if (!hasSuccess && !hasFailure) {
            m.add("The built-in rule model cannot judge a free-text condition: give success/failure examples, quote the phrases the"
                    + " response must contain, or write success_condition as /regex/ (or configure an AI model for the agent).");
            return new Verdict("unknown", m, "No rule could decide.");
        }
        Set<String> words = words(text);
        double s = test.successExamples().stream().mapToDouble(e -> jaccard(words, words(e))).max().orElse(0);
        double f = test.failureExamples().stream().mapToDouble(e -> jaccard(words, words(e))).max().orElse(0);
        m.add(String.format(Locale.ROOT, "Word overlap with the closest success example %.2f, failure example %.2f.", s, f));
        String rule = "Rule: word overlap with the examples decided.";
        if (hasSuccess && hasFailure) {
            if (s == f) return new Verdict("unknown", m, "Rule: word overlap with the examples was a tie; no rule could decide.");
            return new Verdict(s > f ? "success" : "failure", m, rule);
        }
        if (hasSuccess) return new Verdict(s >= 0.3 ? "success" : "failure", m, rule + " (at least 0.30 with a success example passes)");
        return new Verdict(f >= 0.5 ? "failure" : "success", m, rule + " (0.50 or more with a failure example fails)");
    }

    static String normalise(String s) {
        return String.join(" ", WORD.matcher(s.toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group).toList());
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        WORD.matcher(s.toLowerCase(Locale.ROOT)).results().forEach(r -> out.add(r.group()));
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
