package dev.timbre.convai.conversation.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-voice markup in agent text ({@code tts.supported_voices}): {@code <Label>text</Label>} speaks {@code text}
 * with the voice labelled {@code Label} (case-sensitive, no nesting); text outside tags uses the agent's voice. Tags
 * of labels the agent does not have are spoken in the default voice and never read out. A tag may stay open across
 * sentences: {@link #parse} takes the label open before the text and reports the one open after it.
 */
public final class VoiceMarkup {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9_][A-Za-z0-9_ .\\-]{0,63})>");

    private VoiceMarkup() {}

    /**
     * A part of the text: spoken by {@code label}'s voice (null: the agent's own), or {@code markup} (a tag, or
     * nothing but white space: not synthesised, its characters take no time).
     */
    record Part(int from, int to, String label, boolean markup) {}

    record Parsed(List<Part> parts, String openAtEnd) {}

    static Parsed parse(String text, String openBefore, Set<String> labels) {
        List<Part> parts = new ArrayList<>();
        String open = openBefore != null && labels.contains(openBefore) ? openBefore : null;
        Matcher m = TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            String label = m.group(2);
            boolean closing = !m.group(1).isEmpty();
            spoken(text, at, m.start(), open, parts);
            parts.add(new Part(m.start(), m.end(), null, true));
            at = m.end();
            if (closing && label.equals(open)) open = null;
            else if (!closing) open = labels.contains(label) ? label : null;
        }
        spoken(text, at, text.length(), open, parts);
        return new Parsed(parts, open);
    }

    private static void spoken(String text, int from, int to, String label, List<Part> parts) {
        if (from >= to) return;
        parts.add(new Part(from, to, label, text.substring(from, to).isBlank()));
    }

    /** The instructions ElevenLabs appends to the system prompt of an agent with supported voices. */
    public static String instructions(List<String> labels, List<String> descriptions) {
        StringBuilder b = new StringBuilder("\n\nWhen a message should be spoken by a particular person, use markup: "
                + "\"<CHARACTER> message </CHARACTER>\" where CHARACTER is the character label.\nAvailable voices are as follows:\n"
                + "- default: any text outside of the CHARACTER tags\n");
        for (int i = 0; i < labels.size(); i++) b.append("- ").append(labels.get(i)).append(": ").append(descriptions.get(i)).append('\n');
        return b.toString();
    }
}
