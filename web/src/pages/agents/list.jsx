// The agents list: search by name, pages of 20 ("Show more" follows next_cursor), create, duplicate, delete.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote } from '../../components/ui.jsx';
import { when } from './util.js';

const PAGE = 20;

export function AgentList() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [agents, setAgents] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');

  async function load(q, after) {
    setLoading(true);
    setError(null);
    try {
      const r = await api.get('/v1/convai/agents', { page_size: PAGE, search: q, cursor: after });
      setAgents((prev) => (after ? [...prev, ...r.agents] : r.agents));
      setCursor(r.has_more ? r.next_cursor : null);
    } catch (e) { setError(e); } finally { setLoading(false); }
  }
  useEffect(() => { load(query, null); }, [query]);
  // Search as the user types, a moment after the last key.
  useEffect(() => { const t = setTimeout(() => setQuery(search.trim()), 300); return () => clearTimeout(t); }, [search]);

  async function duplicate(a) {
    setError(null);
    try {
      const r = await api.post(`/v1/convai/agents/${encodeURIComponent(a.agent_id)}/duplicate`, { name: `${a.name} (copy)` });
      setNotice(`Duplicated ${a.name}.`);
      navigate('agents', r.agent_id);
    } catch (e) { setError(e); }
  }
  async function remove(a) {
    if (!confirm(`Delete the agent "${a.name}"? Its conversations are kept.`)) return;
    setError(null);
    try {
      await api.del(`/v1/convai/agents/${encodeURIComponent(a.agent_id)}`);
      setAgents((list) => list.filter((x) => x.agent_id !== a.agent_id));
      setNotice(`Deleted ${a.name}.`);
    } catch (e) { setError(e); }
  }

  return (
    <section>
      <div class="row spread">
        <h1>Agents</h1>
        <a class="button" href="#/agents/new">New agent</a>
      </div>
      <div class="field">
        <label for="agent-search">Search agents</label>
        <input id="agent-search" type="search" value={search} onInput={(e) => setSearch(e.target.value)} placeholder="Name" />
      </div>
      <ErrorNote error={error} />
      <p class="ok" role="status">{notice}</p>
      {!loading && agents.length === 0 && <p class="muted">{query ? 'No agent matches.' : 'No agents yet. Create one to talk to it here.'}</p>}
      {agents.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last call</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.agent_id}>
                  <td class="name"><a href={`#/agents/${encodeURIComponent(a.agent_id)}`}>{a.name || '(no name)'}</a><br /><small class="muted">{a.agent_id}</small></td>
                  <td>{when(a.created_at_unix_secs)}</td>
                  <td>{when(a.last_call_time_unix_secs)}</td>
                  <td class="actions">
                    <a class="button secondary" href={`#/agents/${encodeURIComponent(a.agent_id)}/call`} aria-label={`Talk to ${a.name}`}>Talk</a>
                    <a class="button secondary" href={`#/agents/${encodeURIComponent(a.agent_id)}/conversations`} aria-label={`Conversations of ${a.name}`}>Conversations</a>
                    <button class="secondary" onClick={() => duplicate(a)} aria-label={`Duplicate ${a.name}`}>Duplicate</button>
                    <button class="danger" onClick={() => remove(a)} aria-label={`Delete ${a.name}`}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <p><button class="secondary" disabled={loading} onClick={() => load(query, cursor)}>Show more</button></p>}
      {loading && <p class="muted" role="status">Loading…</p>}
    </section>
  );
}
