package dev.timbre.convai.postcall;

import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A deterministic summary and title built from the transcript itself, for when no language model can write one:
 * the user's first request, the agent's last reply, message counts and the tools used.
 */
final class ExtractiveSummary {
    private static final int QUOTE = 200;

    private ExtractiveSummary() {}

    static String summary(List<TranscriptEntry> transcript) {
        String firstUser = first(transcript, "user");
        String lastAgent = last(transcript, "agent");
        long users = transcript.stream().filter(e -> e.role().equals("user")).count();
        long agents = transcript.size() - users;
        if (transcript.isEmpty()) return "The conversation ended before any message was exchanged.";
        StringBuilder b = new StringBuilder();
        if (firstUser != null) b.append("The user opened with: \"").append(quote(firstUser)).append("\". ");
        else b.append("The user did not say anything. ");
        if (lastAgent != null) b.append("The agent's last reply was: \"").append(quote(lastAgent)).append("\". ");
        Set<String> tools = new LinkedHashSet<>();
        for (TranscriptEntry e : transcript) for (ToolCallEntry c : e.toolCalls()) tools.add(c.toolName());
        if (!tools.isEmpty()) b.append("Tools used: ").append(String.join(", ", tools)).append(". ");
        b.append("The conversation had ").append(transcript.size()).append(transcript.size() == 1 ? " message" : " messages")
                .append(" (").append(users).append(" from the user, ").append(agents).append(" from the agent).");
        return b.toString();
    }

    /** The user's first words (up to 8), or a generic title. */
    static String title(List<TranscriptEntry> transcript) {
        String firstUser = first(transcript, "user");
        if (firstUser == null) return transcript.isEmpty() ? "Empty conversation" : "Conversation without user messages";
        String[] words = firstUser.strip().split("\\s+");
        String t = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 8)));
        return words.length > 8 ? t + "…" : t;
    }

    private static String first(List<TranscriptEntry> t, String role) {
        for (TranscriptEntry e : t) if (e.role().equals(role) && e.message() != null && !e.message().isBlank()) return e.message();
        return null;
    }

    private static String last(List<TranscriptEntry> t, String role) {
        for (int i = t.size() - 1; i >= 0; i--) {
            TranscriptEntry e = t.get(i);
            if (e.role().equals(role) && e.message() != null && !e.message().isBlank()) return e.message();
        }
        return null;
    }

    private static String quote(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= QUOTE ? one : one.substring(0, QUOTE) + "…";
    }
}
