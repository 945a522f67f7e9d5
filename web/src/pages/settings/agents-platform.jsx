// The agents platform's workspace settings (GET/PATCH /v1/convai/settings: a PATCH replaces the top-level fields it
// names) and workspace secrets (/v1/convai/secrets: list, add, delete; values are never shown again).
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote, Field, useAsync } from '../../components/ui.jsx';

export function AgentsPlatform() {
  return (
    <div class="settings-section">
      <h2>Agents platform</h2>
      <WorkspaceSettings />
      <Secrets />
    </div>
  );
}

function WorkspaceSettings() {
  const settings = useAsync(() => api.get('/v1/convai/settings'));
  return (
    <div class="card">
      <h3>Workspace settings</h3>
      <ErrorNote error={settings.error} />
      {settings.data && <SettingsForm key={JSON.stringify(settings.data)} current={settings.data} onSaved={settings.reload} />}
    </div>
  );
}

function SettingsForm({ current, onSaved }) {
  const hook = current.conversation_initiation_client_data_webhook;
  const [retention, setRetention] = useState(String(current.rag_retention_period_days ?? 10));
  const [mcp, setMcp] = useState(!!current.can_use_mcp_servers);
  const [sendAudio, setSendAudio] = useState(!!(current.webhooks && current.webhooks.send_audio));
  const [hookUrl, setHookUrl] = useState(hook ? hook.url || '' : '');
  const [state, setState] = useState({ busy: false, error: null, saved: false });
  async function save(e) {
    e.preventDefault();
    if (!/^\d+$/.test(retention.trim())) return setState({ error: 'The retention period is a whole number of days.' });
    setState({ busy: true, error: null, saved: false });
    const url = hookUrl.trim();
    try {
      await api.patch('/v1/convai/settings', {
        rag_retention_period_days: Number(retention.trim()),
        can_use_mcp_servers: mcp,
        webhooks: { ...(current.webhooks || {}), send_audio: sendAudio },
        conversation_initiation_client_data_webhook: url ? { request_headers: {}, ...(hook || {}), url } : null,
      });
      setState({ busy: false, error: null, saved: true });
      onSaved();
    } catch (err) {
      setState({ busy: false, error: err, saved: false });
    }
  }
  return (
    <form onSubmit={save}>
      <div class="grid two">
        <Field label="RAG index retention (days)" id="convai-retention">
          <input id="convai-retention" inputMode="numeric" value={retention} onInput={(e) => setRetention(e.target.value)} />
        </Field>
        <Field label="Conversation initiation webhook URL" id="convai-initiation-url" hint="Called when a conversation starts without client data; empty for none.">
          <input id="convai-initiation-url" type="url" value={hookUrl} placeholder="https://…" onInput={(e) => setHookUrl(e.target.value)} />
        </Field>
      </div>
      <label class="check"><input type="checkbox" checked={mcp} onChange={(e) => setMcp(e.target.checked)} /> Agents may use MCP servers</label>
      <label class="check"><input type="checkbox" checked={sendAudio} onChange={(e) => setSendAudio(e.target.checked)} /> Post-call webhooks send the audio</label>
      <ErrorNote error={state.error} />
      <div class="row">
        <button type="submit" disabled={state.busy}>Save settings</button>
        {state.saved && <span class="ok" role="status">Saved.</span>}
      </div>
    </form>
  );
}

function Secrets() {
  const secrets = useAsync(() => api.get('/v1/convai/secrets'));
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [state, setState] = useState({ busy: false, error: null });
  const [confirm, setConfirm] = useState(null);
  async function run(fn) {
    setState({ busy: true, error: null });
    try {
      await fn();
      setState({ busy: false, error: null });
      secrets.reload();
      return true;
    } catch (err) {
      setState({ busy: false, error: err });
      return false;
    }
  }
  async function add(e) {
    e.preventDefault();
    if (await run(() => api.post('/v1/convai/secrets', { type: 'new', name: name.trim(), value }))) { setName(''); setValue(''); }
  }
  const list = secrets.data ? secrets.data.secrets : [];
  const uses = (u) => u ? (u.tools || []).length + (u.agents || []).length + (u.others || []).length + (u.phone_numbers || []).length : 0;
  return (
    <div class="card">
      <h3 id="convai-secrets">Secrets</h3>
      <p class="muted">Values for webhook tools, MCP servers and custom LLMs; stored encrypted and never shown again.</p>
      <ErrorNote error={secrets.error || state.error} />
      {list.length === 0 ? <p class="muted">No secrets.</p> : (
        <div class="table-wrap">
          <table aria-labelledby="convai-secrets">
            <thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Used by</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {list.map((s) => (
                <tr>
                  <td>{s.name}</td>
                  <td><code>{s.secret_id}</code></td>
                  <td>{uses(s.used_by) || '—'}</td>
                  <td>{confirm === s.secret_id ? (
                    <div class="row" role="group" aria-label={`Confirm deleting ${s.name}`}>
                      <button class="danger" disabled={state.busy} onClick={() => run(() => api.del(`/v1/convai/secrets/${encodeURIComponent(s.secret_id)}`)).then(() => setConfirm(null))}>Delete secret</button>
                      <button class="secondary" onClick={() => setConfirm(null)}>Cancel</button>
                    </div>
                  ) : <button class="danger" aria-label={`Delete ${s.name}`} onClick={() => setConfirm(s.secret_id)}>Delete</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="row secret-form" onSubmit={add}>
        <Field label="Secret name" id="secret-name">
          <input id="secret-name" required maxLength={200} value={name} onInput={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Value" id="secret-value">
          <input id="secret-value" type="password" autocomplete="off" required value={value} onInput={(e) => setValue(e.target.value)} />
        </Field>
        <button type="submit" disabled={state.busy || !name.trim() || !value}>Add secret</button>
      </form>
    </div>
  );
}
