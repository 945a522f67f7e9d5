package dev.timbre.agent.session;

import dev.timbre.agent.transcript.DynamicVariableUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session's system prompt and the dynamic variables everything is rendered with: the prompt template (the agent's,
 * its language preset's or a workflow node's), the prompt rendered from it with {@code system__} variables as at the
 * start (the guide's rule), and the variables tools' {@code assignments} set over the initial ones (re-rendering the
 * prompt). Threading: the session's loop thread only.
 */
final class SessionPrompt {
    private final SessionConfig config;
    private final SessionLoop loop;
    /** Variables set by tools' {@code assignments}, over the initial ones. */
    private final AssignedVariables assigned = new AssignedVariables();
    private String agentId;
    private Instant startedAt;
    private String template = "";
    private String text = "";

    SessionPrompt(SessionConfig config, SessionLoop loop, String agentId) {
        this.config = config;
        this.loop = loop;
        this.agentId = agentId;
    }

    /** The session started now: {@code system__} time variables count from here; renders {@code template}. */
    void start(Instant at, String template) {
        startedAt = at;
        use(template);
    }

    /** When the session started; null before. */
    Instant startedAt() { return startedAt; }

    /** The template the prompt is rendered from. */
    String template() { return template; }

    /** The rendered system prompt. */
    String text() { return text; }

    /** The variables as they are now ({@code system__} time ones included). */
    DynamicVariables variables() {
        return DynamicVariables.at(config, agentId, startedAt == null ? loop.now() : startedAt, loop.now()).with(assigned.values());
    }

    /** Renders {@code template} as the system prompt ({@code system__} variables as at the start). */
    void use(String template) {
        this.template = template;
        Instant at = startedAt == null ? loop.now() : startedAt;
        text = DynamicVariables.at(config, agentId, at, at).with(assigned.values()).render(template);
    }

    /** Another agent took the conversation over: its id for the variables, its template rendered as of now. */
    void useAgent(String agentId, String template) {
        this.agentId = agentId;
        this.template = template;
        text = variables().render(template);
    }

    /**
     * A tool's {@code assignments}: the values become dynamic variables for later tool calls and the system prompt
     * (re-rendered); the rules are {@link AssignedVariables}'. Returns the changes, for the tool result's
     * {@code dynamic_variable_updates}.
     */
    List<DynamicVariableUpdate> assign(Map<String, Object> values, String toolName, String toolRequestId) {
        List<DynamicVariableUpdate> updates = assigned.assign(values, variables().values(), loop.now().toEpochMilli() / 1000.0,
                toolName, toolRequestId);
        use(template);
        return updates;
    }
}
