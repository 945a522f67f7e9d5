package dev.timbre.convai.agenttesting.runner;

import java.util.List;

/**
 * How a test run ended: {@code result} is {@code success}, {@code failure} or {@code unknown} (only success passes);
 * {@code messages} are the checks made, in order, and {@code summary} names the rule or judge that decided.
 */
public record Verdict(String result, List<String> messages, String summary) {
    public Verdict {
        messages = List.copyOf(messages);
    }

    public static Verdict success(List<String> messages, String summary) {
        return new Verdict("success", messages, summary);
    }

    public static Verdict failure(List<String> messages, String summary) {
        return new Verdict("failure", messages, summary);
    }

    public boolean passed() {
        return result.equals("success");
    }
}
