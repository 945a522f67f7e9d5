package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.workflow.NodeOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Profiles for workflow nodes: a subagent's override applied to the base agent. Pure functions. */
final class WorkflowProfiles {
    private WorkflowProfiles() {}

    /** {@code base} as subagent override {@code o} makes it (null fields of {@code o} keep the base's values). */
    static AgentProfile apply(AgentProfile base, NodeOverride o) {
        String prompt = o.prompt() != null ? o.prompt() : base.systemPrompt();
        if (o.additionalPrompt() != null && !o.additionalPrompt().isBlank()) {
            prompt = prompt.isBlank() ? o.additionalPrompt() : prompt + "\n\n" + o.additionalPrompt();
        }
        List<AgentTool> tools = new ArrayList<>(o.tools() != null ? o.tools() : base.tools());
        Set<String> names = new HashSet<>();
        tools.forEach(t -> names.add(t.name()));
        for (AgentTool t : o.additionalTools()) if (names.add(t.name())) tools.add(t);
        return new AgentProfile(base.agentId(), base.name(), prompt, base.firstMessage(), base.language(), base.languages(),
                tools, o.temperature() != null ? o.temperature() : base.temperature(),
                o.maxTokens() != null ? o.maxTokens() : base.maxTokens(), o.model() != null ? o.model() : base.model(),
                o.knowledge() != null ? o.knowledge() : base.knowledge(), base.workflow(), base.languagePresets());
    }

    /** {@code p} with {@code tools} instead of its own. */
    static AgentProfile withTools(AgentProfile p, List<AgentTool> tools) {
        return new AgentProfile(p.agentId(), p.name(), p.systemPrompt(), p.firstMessage(), p.language(), p.languages(), tools,
                p.temperature(), p.maxTokens(), p.model(), p.knowledge(), p.workflow(), p.languagePresets());
    }
}
