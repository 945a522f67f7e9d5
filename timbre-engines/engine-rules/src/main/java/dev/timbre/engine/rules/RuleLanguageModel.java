package dev.timbre.engine.rules;

import dev.timbre.engine.ChatListener;
import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ChatRequest;
import dev.timbre.engine.ChatStream;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.FinishReason;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.ThreadedChatStream;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in offline "language model": <strong>not an AI</strong>. A small deterministic rule engine that lets an
 * agent run end to end with no model and no network (the product default until a real LLM is configured, and the
 * engine tests use). Given the conversation it answers the <em>last</em> message:
 * <ol>
 *   <li>no user message yet → an empty reply (the agent's {@code first_message} does the greeting);</li>
 *   <li>the last message is a tool result → {@code "Here is what I found: <result>"};</li>
 *   <li>the first matching rule of the system prompt, one per line:
 *       {@code When the user says X, reply Y} (also {@code say}/{@code respond}/{@code answer}) streams Y;
 *       {@code If the user asks about X, call tool T} (also {@code mentions}/{@code says}; {@code use} for
 *       {@code call}) calls T when T is among the request's tools, with the arguments of an optional
 *       {@code with {...}} JSON object at the end ({@code call tool transfer_to_number with {"transfer_number":"+1555"}}).
 *       X matches as whole words, ignoring case and punctuation; quotes around X, Y and T are optional;</li>
 *   <li>goodbye / bye / see you / farewell → {@code "Goodbye!"} and a call to {@code end_call} when offered;</li>
 *   <li>a tool whose name words (or longer description words) appear in the user's message is called
 *       (system tools such as {@code end_call} or {@code transfer_to_number} are only called by rules);</li>
 *   <li>retrieved knowledge in the system prompt (a section after a line containing {@code information from the
 *       knowledge base}, as the agent runtime's RAG writes it) → its sentence sharing the most words with the
 *       user's message ({@code KnowledgeAnswer});</li>
 *   <li>otherwise a short polite echo: {@code You said <text>. How can I help?}.</li>
 * </ol>
 * Tool arguments are {@code {}} plus a {@code reason} string when the tool's schema has one. Replies stream word by
 * word (with an optional delay per word).
 */
public final class RuleLanguageModel implements LanguageModel {
    public static final String PROVIDER = "rules";
    static final Set<String> SYSTEM_TOOLS = Set.of("end_call", "language_detection", "skip_turn", "transfer_to_agent",
            "transfer_to_number", "play_keypad_touch_tone", "voicemail_detection");
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "get", "set", "tool", "call", "this", "that",
            "with", "from", "function", "about", "when", "which", "there", "their", "would", "could", "should", "user",
            "users", "returns", "return", "information", "given", "value", "values", "please", "using", "where", "what");
    private static final Pattern REPLY_RULE = Pattern.compile(
            "^(?:when|if)\\s+(?:the\\s+)?(?:user|caller|customer)\\s+(?:says|asks|mentions|writes)\\s+(.+?)\\s*,\\s*(?:then\\s+)?(?:reply|say|respond|answer)(?:\\s+with)?\\s*:?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOOL_RULE = Pattern.compile(
            "^(?:when|if)\\s+(?:the\\s+)?(?:user|caller|customer)\\s+(?:asks\\s+about|asks\\s+for|says|mentions|asks)\\s+(.+?)\\s*,\\s*(?:then\\s+)?(?:call|use|invoke)\\s+(?:the\\s+)?(?:tool\\s+)?[\"'`]?([A-Za-z0-9_\\-]+)[\"'`]?(?:\\s+tool)?(?:\\s+with\\s+(\\{.*}))?\\s*\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GOODBYE = Pattern.compile("\\b(?:good\\s*bye|bye|see you|farewell)\\b", Pattern.CASE_INSENSITIVE);
    private static final AtomicLong THREADS = new AtomicLong();

    private final Duration wordDelay;

    public RuleLanguageModel() { this(Duration.ZERO); }

    /** @param wordDelay pause before each streamed word (zero for none) */
    public RuleLanguageModel(Duration wordDelay) {
        this.wordDelay = wordDelay == null || wordDelay.isNegative() ? Duration.ZERO : wordDelay;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "built-in rule-based responder (offline, deterministic; not an AI)",
                new EngineCapabilities(Set.of("en"), true, false, false));
    }

    /** What the model answers: text and tool calls. */
    record Reply(String text, List<ToolCall> toolCalls) {}

    /** Rules parsed from a system prompt (exposed for tests and diagnostics). */
    sealed interface Rule permits ReplyRule, ToolRule {}
    record ReplyRule(String trigger, String reply) implements Rule {}
    /** {@code args}: the rule's {@code with {...}} JSON object text, or null. */
    record ToolRule(String trigger, String tool, String args) implements Rule {
        ToolRule(String trigger, String tool) { this(trigger, tool, null); }
    }

    static List<Rule> rules(String systemPrompt) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : systemPrompt.split("\\R")) {
            String line = raw.strip().replaceFirst("^(?:[-*•]|\\d+[.)])\\s*", "");
            if (line.isEmpty()) continue;
            Matcher t = TOOL_RULE.matcher(line);
            if (t.matches()) { rules.add(new ToolRule(unquote(t.group(1)), t.group(2), t.group(3))); continue; }
            Matcher r = REPLY_RULE.matcher(line);
            if (r.matches()) rules.add(new ReplyRule(unquote(r.group(1)), unquote(r.group(2))));
        }
        return rules;
    }

    private static String unquote(String s) {
        s = s.strip();
        if (s.length() >= 2 && "\"'“‘`".indexOf(s.charAt(0)) >= 0) {
            int end = s.length() - 1;
            if (s.charAt(end) == '.' && end >= 1 && "\"'”’`".indexOf(s.charAt(end - 1)) >= 0) end--;
            if ("\"'”’`".indexOf(s.charAt(end)) >= 0) return s.substring(1, end).strip();
        }
        return s;
    }

    static String normalize(String s) {
        return " " + s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    Reply reply(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        String lastUser = null;
        for (ChatMessage m : messages) if (m.role() == ChatMessage.Role.USER) lastUser = m.content();
        if (lastUser == null) return new Reply("", List.of());
        ChatMessage last = messages.get(messages.size() - 1);
        if (last.role() == ChatMessage.Role.TOOL) {
            String result = last.content().strip();
            if (result.length() > 200) result = result.substring(0, 200) + "…";
            return new Reply(result.isEmpty() ? "Done." : "Here is what I found: " + result, List.of());
        }
        String said = normalize(lastUser);
        String idBase = "rule_call_" + messages.size() + "_";
        for (Rule rule : rules(request.systemPrompt())) {
            if (rule instanceof ReplyRule r && said.contains(normalize(r.trigger()))) return new Reply(r.reply(), List.of());
            if (rule instanceof ToolRule t && said.contains(normalize(t.trigger()))) {
                ToolSpec spec = tool(request, t.tool());
                if (spec != null) return new Reply("", List.of(call(idBase + 1, spec, "the user asked about " + t.trigger(), t.args())));
            }
        }
        if (GOODBYE.matcher(lastUser).find()) {
            ToolSpec end = tool(request, "end_call");
            return new Reply("Goodbye!", end == null ? List.of() : List.of(call(idBase + 1, end, "the user said goodbye")));
        }
        for (ToolSpec spec : request.tools()) {
            if (SYSTEM_TOOLS.contains(spec.name())) continue;
            for (String w : keywords(spec)) {
                if (said.contains(" " + w + " ")) return new Reply("", List.of(call(idBase + 1, spec, "the user mentioned " + w)));
            }
        }
        String known = KnowledgeAnswer.find(request.systemPrompt(), lastUser);
        if (known != null) return new Reply(known, List.of());
        String echo = lastUser.strip().replaceAll("[.!?…\\s]+$", "");
        return new Reply(echo.isEmpty() ? "Sorry, I didn't catch that." : "You said " + echo + ". How can I help?", List.of());
    }

    private static ToolSpec tool(ChatRequest request, String name) {
        for (ToolSpec t : request.tools()) if (t.name().equalsIgnoreCase(name)) return t;
        return null;
    }

    static List<String> keywords(ToolSpec spec) {
        List<String> words = new ArrayList<>();
        String name = spec.name().replaceAll("([a-z])([A-Z])", "$1 $2");
        for (String w : normalize(name).strip().split(" ")) if (w.length() >= 3 && !STOPWORDS.contains(w)) words.add(w);
        for (String w : normalize(spec.description()).strip().split(" ")) if (w.length() >= 5 && !STOPWORDS.contains(w) && !words.contains(w)) words.add(w);
        return words;
    }

    private static ToolCall call(String id, ToolSpec spec, String reason) {
        return call(id, spec, reason, null);
    }

    /** {@code {"reason":…}} when the schema has one, plus the fields of {@code extra} (a JSON object's text; null: none). */
    private static ToolCall call(String id, ToolSpec spec, String reason, String extra) {
        String inner = extra == null ? "" : extra.strip().substring(1, extra.strip().length() - 1).strip();
        boolean withReason = spec.propertyNames().contains("reason") && !inner.contains("\"reason\"");
        String fields = (withReason ? "\"reason\":" + jsonString(reason) : "") + (withReason && !inner.isEmpty() ? "," : "") + inner;
        return new ToolCall(id, spec.name(), "{" + fields + "}");
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public ChatStream open(ChatRequest request, ChatListener listener) {
        Reply reply = reply(request);
        return new ThreadedChatStream(listener) {
            @Override
            protected void run() throws Exception {
                for (String word : reply.text().split("(?<= )")) {
                    if (word.isEmpty()) continue;
                    if (!wordDelay.isZero()) Thread.sleep(wordDelay.toMillis());
                    if (cancelled()) return;
                    emitText(word);
                }
                for (ToolCall c : reply.toolCalls()) emitToolCall(c);
                emitEnd(reply.toolCalls().isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS, null);
            }
        }.start("rules-chat-" + THREADS.incrementAndGet());
    }
}
