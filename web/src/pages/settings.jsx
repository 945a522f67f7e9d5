// The Settings page: API keys and their scopes, the server's engines and LLM providers, usage, and the agents
// platform's workspace settings and secrets. Each section is a sub-route (#/settings/keys, …/engines, …/usage,
// …/agents); #/settings opens the keys.
import { ApiKeys } from './settings/keys.jsx';
import { Engines } from './settings/engines.jsx';
import { Usage } from './settings/usage.jsx';
import { AgentsPlatform } from './settings/agents-platform.jsx';
import './settings/settings.css';

const SECTIONS = [
  { id: 'keys', title: 'API keys', component: ApiKeys },
  { id: 'engines', title: 'Engines', component: Engines },
  { id: 'usage', title: 'Usage', component: Usage },
  { id: 'agents', title: 'Agents platform', component: AgentsPlatform },
];

export default function Settings({ rest = [] }) {
  const current = SECTIONS.find((s) => s.id === rest[0]) || SECTIONS[0];
  const Section = current.component;
  return (
    <section class="settings">
      <h1>Settings</h1>
      <nav class="settings-tabs" aria-label="Settings sections">
        {SECTIONS.map((s) => (
          <a href={`#/settings/${s.id}`} aria-current={s.id === current.id ? 'page' : undefined}>{s.title}</a>
        ))}
      </nav>
      <Section />
    </section>
  );
}
