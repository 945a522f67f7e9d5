package dev.timbre.convai.tools;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {{name}}} placeholders of ElevenLabs' dynamic variables. Stateless. */
public final class DynamicVariables {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private DynamicVariables() {}

    /** {@code text} with each {@code {{name}}} whose variable is known replaced by its value; unknown ones stay as written. */
    public static String substitute(String text, Map<String, Object> variables) {
        if (text == null || variables == null || variables.isEmpty() || !text.contains("{{")) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        return m.appendTail(out).toString();
    }
}
