package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;

/** A transcript as plain text for an analysis prompt, bounded in size; and transcripts read back from stored JSON. */
final class TranscriptText {
    private TranscriptText() {}

    /**
     * One line per message ({@code user: …}, {@code agent: …}, tool calls as {@code [called tool x]}). When longer than
     * {@code maxChars}, the first quarter of the budget keeps the opening lines, the rest the closing lines, with a
     * marker for what was left out between them; a single overlong line is cut.
     */
    static String render(List<TranscriptEntry> transcript, int maxChars) {
        List<String> lines = new ArrayList<>();
        for (TranscriptEntry e : transcript) {
            StringBuilder b = new StringBuilder(e.role()).append(": ");
            if (e.message() != null) b.append(e.message().strip());
            for (ToolCallEntry c : e.toolCalls()) b.append(" [called tool ").append(c.toolName()).append(']');
            String line = b.toString();
            lines.add(line.length() > maxChars / 4 ? line.substring(0, maxChars / 4) + "…" : line);
        }
        int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
        if (total <= maxChars) return String.join("\n", lines);
        List<String> head = new ArrayList<>();
        int used = 0, i = 0;
        while (i < lines.size() && used + lines.get(i).length() + 1 <= maxChars / 4) used += lines.get(i++).length() + 1;
        head.addAll(lines.subList(0, i));
        int j = lines.size();
        while (j > i && used + lines.get(j - 1).length() + 1 <= maxChars - 60) used += lines.get(--j).length() + 1;
        head.add("[… " + (j - i) + " messages left out …]");
        head.addAll(lines.subList(j, lines.size()));
        return String.join("\n", head);
    }

    /** The {@code transcript} array of a stored conversation (wire shape) as entries; tool calls keep their names. */
    static List<TranscriptEntry> fromJson(JsonNode transcript) {
        List<TranscriptEntry> out = new ArrayList<>();
        for (JsonNode m : transcript) {
            String role = m.path("role").asText("");
            if (!role.equals("user") && !role.equals("agent")) continue;
            List<ToolCallEntry> calls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                calls.add(new ToolCallEntry(c.path("type").asText(null), c.path("request_id").asText(""), c.path("tool_name").asText(""),
                        c.path("params_as_json").asText("{}"), c.path("tool_has_been_called").asBoolean(true), null));
            }
            String message = m.path("message").isTextual() ? m.get("message").asText() : null;
            out.add(new TranscriptEntry(role, message, m.path("time_in_call_secs").asInt(0), calls, List.of(), null,
                    m.path("interrupted").asBoolean(false), null, m.path("source_medium").asText(null)));
        }
        return out;
    }
}
