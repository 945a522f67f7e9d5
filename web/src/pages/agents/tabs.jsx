// The links between an agent's pages.
/** The links between an agent's pages (builder, call, conversations), the current one marked. */
export function AgentTabs({ agentId, current }) {
  const tabs = [['', 'Settings'], ['call', 'Talk to the agent'], ['conversations', 'Conversations']];
  return (
    <nav class="agent-tabs" aria-label="Agent">
      <a href="#/agents">← All agents</a>
      {tabs.map(([sub, label]) => (
        <a href={`#/agents/${encodeURIComponent(agentId)}${sub ? '/' + sub : ''}`} aria-current={current === (sub || 'settings') ? 'page' : undefined}>{label}</a>
      ))}
    </nav>
  );
}
