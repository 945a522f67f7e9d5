package dev.timbre.agent.session;

import dev.timbre.agent.tools.JsonText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation's dynamic variables and {@code {{name}}} substitution. Names are case-sensitive; inner spaces are
 * allowed ({@code {{ name }}}); unknown names stay as written. {@code secret__} variables are never put into text
 * for the LLM (they render empty there). Immutable.
 */
public final class DynamicVariables {
    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");
    private final Map<String, Object> values;

    private DynamicVariables(Map<String, Object> values) { this.values = values; }

    public static DynamicVariables of(Map<String, Object> values) {
        return new DynamicVariables(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * The client's variables plus the {@code system__} ones at {@code now}.
     *
     * @param currentAgentId the active agent (differs from {@code agentId} after a transfer)
     * @param callStart when the call started (for {@code system__call_duration_secs})
     */
    public static DynamicVariables at(SessionConfig config, String currentAgentId, Instant callStart, Instant now) {
        Map<String, Object> v = new LinkedHashMap<>(config.dynamicVariables());
        ZoneId zone = config.timezone();
        v.put("system__agent_id", config.agent().agentId());
        v.put("system__current_agent_id", currentAgentId);
        v.put("system__conversation_id", config.conversationId());
        v.put("system__call_duration_secs", Duration.between(callStart, now).toSeconds());
        v.put("system__time_utc", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        v.put("system__time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS).atZone(zone)));
        v.put("system__timezone", zone.getId());
        if (config.callerId() != null) v.put("system__caller_id", config.callerId());
        if (config.calledNumber() != null) v.put("system__called_number", config.calledNumber());
        if (config.callSid() != null) v.put("system__call_sid", config.callSid());
        return of(v);
    }

    public Map<String, Object> values() { return values; }

    /** These variables with {@code more} added (a name in both takes {@code more}'s value). */
    public DynamicVariables with(Map<String, Object> more) {
        if (more == null || more.isEmpty()) return this;
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return of(all);
    }

    /** {@code template} with variables replaced, for text the LLM or the user sees ({@code secret__} ones empty). */
    public String render(String template) {
        return replace(template, false);
    }

    /** A JSON text with variables replaced inside its strings (values escaped for JSON); secrets included. */
    public String renderJson(String json) {
        return replace(json, true);
    }

    private String replace(String template, boolean json) {
        if (template == null || template.indexOf("{{") < 0) return template;
        Matcher m = VAR.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String out;
            if (!values.containsKey(name)) out = m.group();
            else if (!json && name.startsWith("secret__")) out = "";
            else {
                String text = String.valueOf(values.get(name));
                out = json ? JsonText.quote(text).substring(1, JsonText.quote(text).length() - 1) : text;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(out));
        }
        m.appendTail(b);
        return b.toString();
    }
}
