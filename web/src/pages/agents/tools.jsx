// The builder's tools: workspace tools attached by id (prompt.tool_ids, from GET /v1/convai/tools), the built-in
// system tools (prompt.built_in_tools.<name>: a system tool config, null when off) and a webhook tool created inline
// (POST /v1/convai/tools) and attached.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote } from '../../components/ui.jsx';
import { Section } from './fields.jsx';

const P = 'conversation_config.agent.prompt';
const SYSTEM_TOOLS = [
  ['end_call', 'End call', 'The agent may end the call when the conversation is over.'],
  ['language_detection', 'Detect language', 'The agent switches language when the user speaks another one.'],
  ['skip_turn', 'Skip turn', 'The agent may stay silent when the user needs a moment.'],
  ['transfer_to_agent', 'Transfer to agent', 'Hand the call to another agent (rules set through the API).'],
  ['voicemail_detection', 'Voicemail detection', 'Notice an answering machine.'],
];

export function ToolsSection({ ed }) {
  const [tools, setTools] = useState(null);
  const [error, setError] = useState(null);
  const [form, setForm] = useState({ name: '', description: '', url: '', method: 'GET' });
  const [busy, setBusy] = useState(false);
  const load = () => api.get('/v1/convai/tools', { page_size: 100 }).then((r) => setTools(r.tools), setError);
  useEffect(() => { load(); }, []);

  const ids = ed.get(`${P}.tool_ids`) || [];
  const toggle = (id, on) => ed.set(`${P}.tool_ids`, on ? [...ids, id] : ids.filter((x) => x !== id));
  const builtIn = ed.get(`${P}.built_in_tools`) || {};

  async function createTool() {
    setBusy(true);
    setError(null);
    try {
      const t = await api.post('/v1/convai/tools', {
        tool_config: { type: 'webhook', name: form.name.trim(), description: form.description.trim(), api_schema: { url: form.url.trim(), method: form.method } },
      });
      setTools((list) => [...(list || []), t]);
      toggle(t.id, true);
      setForm({ name: '', description: '', url: '', method: 'GET' });
    } catch (e) { setError(e); } finally { setBusy(false); }
  }

  return (
    <Section title="Tools">
      <fieldset class="field">
        <legend>System tools</legend>
        {SYSTEM_TOOLS.map(([name, label, hint]) => {
          const id = `ag-system-tool-${name}`;
          return (
            <div class="check">
              <input id={id} type="checkbox" checked={!!builtIn[name]}
                onChange={(e) => ed.set(`${P}.built_in_tools.${name}`, e.target.checked
                  ? { type: 'system', name, description: '', params: { system_tool_type: name } } : null)} />
              <label for={id}>{label}</label> <small class="muted">{hint}</small>
            </div>
          );
        })}
      </fieldset>
      <fieldset class="field">
        <legend>Workspace tools</legend>
        {tools === null && !error && <p class="muted">Loading…</p>}
        {tools && tools.length === 0 && <p class="muted">No tools yet.</p>}
        {(tools || []).map((t) => {
          const id = `ag-tool-${t.id}`;
          const c = t.tool_config || {};
          return (
            <div class="check">
              <input id={id} type="checkbox" checked={ids.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} />
              <label for={id}>{c.name || t.id}</label> <small class="muted">{c.type}{c.description ? ` — ${c.description}` : ''}</small>
            </div>
          );
        })}
      </fieldset>
      <details class="nested">
        <summary>Create a webhook tool</summary>
        <div class="grid two">
          <div class="field"><label for="ag-new-tool-name">Tool name</label>
            <input id="ag-new-tool-name" value={form.name} pattern="^[a-zA-Z0-9_-]{1,64}$" onInput={(e) => setForm({ ...form, name: e.target.value })} /></div>
          <div class="field"><label for="ag-new-tool-method">Tool method</label>
            <select id="ag-new-tool-method" value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })}>
              {['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => <option value={m}>{m}</option>)}
            </select></div>
        </div>
        <div class="field"><label for="ag-new-tool-url">Tool URL</label>
          <input id="ag-new-tool-url" type="url" value={form.url} onInput={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://…" /></div>
        <div class="field"><label for="ag-new-tool-desc">Tool description (when the agent should call it)</label>
          <textarea id="ag-new-tool-desc" rows={2} value={form.description} onInput={(e) => setForm({ ...form, description: e.target.value })} /></div>
        <button type="button" class="secondary" disabled={busy || !form.name.trim() || !form.url.trim()} onClick={createTool}>Create and attach tool</button>
      </details>
      <ErrorNote error={error} />
    </Section>
  );
}
