// API keys of the workspace's service accounts (/v1/service-accounts/{id}/api-keys): list, create (the secret is
// shown once, with a copy button), edit name/scopes/limit, disable or enable, delete (after a confirmation).
// The signed-in key is the admin key (no service account) or one of these; its row is marked.
import { useState } from 'preact/hooks';
import { api, apiKey } from '../../api.js';
import { ErrorNote, Field, useAsync } from '../../components/ui.jsx';
import { PERMISSIONS, permissionLabel } from './permissions.js';

const keysPath = (account) => `/v1/service-accounts/${encodeURIComponent(account)}/api-keys`;

/** Whether a listed key (its hint: first 3 … last 4 characters) is the key this tab signed in with. */
function isSignedIn(hint) {
  const k = apiKey.get() || '';
  return k.length >= 12 && hint === `${k.slice(0, 3)}…${k.slice(-4)}`;
}

export function ApiKeys() {
  const accounts = useAsync(() => api.get('/v1/service-accounts'));
  const [created, setCreated] = useState(null);
  const list = accounts.data ? accounts.data['service-accounts'] || [] : [];
  return (
    <div class="settings-section">
      <h2>API keys</h2>
      <p class="muted">Keys for programs and people using this server. Each key holds the scopes it may use; a key without a
        scope gets 401 <code>missing_permissions</code>.</p>
      <ErrorNote error={accounts.error} />
      {accounts.loading && !accounts.data && <p class="muted" role="status">Loading keys…</p>}
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      {list.map((a) => (
        <AccountKeys key={a.service_account_user_id} account={a} showName={list.length > 1}
          onCreated={(c) => { setCreated(c); accounts.reload(); }} onChanged={accounts.reload} />
      ))}
    </div>
  );
}

function AccountKeys({ account, showName, onCreated, onChanged }) {
  const keys = account['api-keys'] || [];
  const id = account.service_account_user_id;
  return (
    <div class="card keys-account">
      {showName && <h3>{account.name}</h3>}
      <CreateKey account={id} onCreated={onCreated} />
      <h3 id={`keys-${id}`}>Keys ({keys.length})</h3>
      {keys.length === 0 ? <p class="muted">No keys yet.</p> : (
        <div class="table-wrap">
          <table aria-labelledby={`keys-${id}`}>
            <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Characters</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
            <tbody>{keys.map((k) => <KeyRow key={k.key_id} account={id} k={k} onChanged={onChanged} />)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Scopes({ permissions }) {
  if (permissions == null) return <span class="scope all">All</span>;
  if (permissions.length === 0) return <span class="muted">None</span>;
  return <ul class="scopes">{permissions.map((p) => <li class="scope">{p}</li>)}</ul>;
}

function KeyRow({ account, k, onChanged }) {
  const [mode, setMode] = useState(null); // null | 'edit' | 'delete'
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function run(fn) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setMode(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const patch = (changes) => api.patch(`${keysPath(account)}/${encodeURIComponent(k.key_id)}`, {
    name: k.name, permissions: k.permissions == null ? 'all' : k.permissions, is_enabled: !k.is_disabled,
    character_limit: k.character_limit ?? null, ...changes,
  });
  return (
    <>
      <tr class={k.is_disabled ? 'disabled' : ''}>
        <td>{k.name}{isSignedIn(k.hint) && <span class="muted"> (signed in)</span>}</td>
        <td><code class="hint">{k.hint}</code></td>
        <td><Scopes permissions={k.permissions} /></td>
        <td>{k.character_count.toLocaleString()}{k.character_limit != null ? ` / ${k.character_limit.toLocaleString()}` : ''}</td>
        <td>{k.is_disabled ? <span class="error">Disabled</span> : <span class="ok">Enabled</span>}</td>
        <td>
          <div class="row key-actions">
            <button class="secondary" aria-label={`Edit ${k.name}`} aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? null : 'edit')}>Edit</button>
            <button class="secondary" aria-label={`${k.is_disabled ? 'Enable' : 'Disable'} ${k.name}`} disabled={busy}
              onClick={() => run(() => patch({ is_enabled: k.is_disabled }))}>{k.is_disabled ? 'Enable' : 'Disable'}</button>
            <button class="danger" aria-label={`Delete ${k.name}`} onClick={() => setMode('delete')}>Delete</button>
          </div>
        </td>
      </tr>
      {(mode || error) && (
        <tr class="key-panel"><td colSpan={6}>
          <ErrorNote error={error} />
          {mode === 'delete' && (
            <div class="row" role="group" aria-label={`Confirm deleting ${k.name}`}>
              <span>Delete the key <strong>{k.name}</strong>? Programs using it stop working at once.</span>
              <button class="danger" disabled={busy} onClick={() => run(() => api.del(`${keysPath(account)}/${encodeURIComponent(k.key_id)}`))}>Delete key</button>
              <button class="secondary" onClick={() => setMode(null)}>Cancel</button>
            </div>
          )}
          {mode === 'edit' && (
            <KeyForm idPrefix={`edit-${k.key_id}`} initial={k} submitLabel="Save" busy={busy} onCancel={() => setMode(null)}
              onSubmit={(v) => run(() => patch(v))} />
          )}
        </td></tr>
      )}
    </>
  );
}

function CreateKey({ account, onCreated }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [formKey, setFormKey] = useState(0);
  async function submit(v) {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post(keysPath(account), { name: v.name, permissions: v.permissions, character_limit: v.character_limit });
      onCreated({ name: v.name, key: r['xi-api-key'] });
      setOpen(false);
      setFormKey((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  if (!open) return <button onClick={() => setOpen(true)}>Create a key</button>;
  return (
    <div class="create-key">
      <h3>New key</h3>
      <ErrorNote error={error} />
      <KeyForm key={formKey} idPrefix={`new-${account}`} initial={{ name: '', permissions: [], character_limit: null }}
        submitLabel="Create key" busy={busy} onSubmit={submit} onCancel={() => setOpen(false)} />
    </div>
  );
}

/** Name, character limit and scopes (every permission as a checkbox, or all). `permissions`: 'all' or a list. */
function KeyForm({ idPrefix, initial, submitLabel, busy, onSubmit, onCancel }) {
  const [name, setName] = useState(initial.name);
  const [limit, setLimit] = useState(initial.character_limit == null ? '' : String(initial.character_limit));
  const [all, setAll] = useState(initial.permissions == null);
  const [chosen, setChosen] = useState(new Set(initial.permissions || []));
  const [problem, setProblem] = useState(null);
  function toggle(p, on) {
    const next = new Set(chosen);
    if (on) next.add(p); else next.delete(p);
    setChosen(next);
  }
  function submit(e) {
    e.preventDefault();
    if (!name.trim()) return setProblem('Give the key a name.');
    if (limit !== '' && !/^\d+$/.test(limit.trim())) return setProblem('The character limit is a whole number (or empty for none).');
    setProblem(null);
    onSubmit({ name: name.trim(), permissions: all ? 'all' : PERMISSIONS.filter((p) => chosen.has(p)),
      character_limit: limit.trim() === '' ? null : Number(limit.trim()) });
  }
  return (
    <form class="key-form" onSubmit={submit}>
      <div class="grid two">
        <Field label="Name" id={`${idPrefix}-name`}>
          <input id={`${idPrefix}-name`} value={name} maxLength={200} required onInput={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Character limit" id={`${idPrefix}-limit`} hint="Per accounting period; empty for no limit of its own.">
          <input id={`${idPrefix}-limit`} inputMode="numeric" value={limit} onInput={(e) => setLimit(e.target.value)} />
        </Field>
      </div>
      <fieldset class="scopes-picker">
        <legend>Scopes</legend>
        <label class="check all-scopes"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All permissions (full access)</label>
        <div class="scope-grid">
          {PERMISSIONS.map((p) => (
            <label class="check"><input type="checkbox" disabled={all} checked={all || chosen.has(p)} onChange={(e) => toggle(p, e.target.checked)} /> {permissionLabel(p)}</label>
          ))}
        </div>
      </fieldset>
      <ErrorNote error={problem} />
      <div class="row">
        <button type="submit" disabled={busy}>{submitLabel}</button>
        <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** The new key's secret, shown this once: a read-only field and a copy button. */
function NewKey({ created, onDone }) {
  const [copied, setCopied] = useState(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('Copied to the clipboard.');
    } catch {
      const input = document.getElementById('new-api-key');
      input.select();
      setCopied(document.execCommand('copy') ? 'Copied to the clipboard.' : 'Select the key and copy it.');
    }
  }
  return (
    <div class="card new-key" role="status">
      <p><strong>Key “{created.name}” created.</strong> Copy it now: it is shown only this once.</p>
      <div class="row">
        <input id="new-api-key" class="secret" readOnly value={created.key} aria-label="New API key" onFocus={(e) => e.target.select()} />
        <button onClick={copy}>Copy</button>
        <button class="secondary" onClick={onDone}>Done</button>
      </div>
      {copied && <p class="ok">{copied}</p>}
    </div>
  );
}
