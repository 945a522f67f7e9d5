// Pronunciation dictionaries (/v1/pronunciation-dictionaries): the list (cursor paging), add from rules or from a
// .pls file, one dictionary's rules (add, remove) and a download of its latest version as PLS.
import { useEffect, useState } from 'preact/hooks';
import { api, download } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, Field, useAsync } from '../../components/ui.jsx';

const BASE = '/v1/pronunciation-dictionaries';
const enc = encodeURIComponent;
const EMPTY_RULE = { type: 'alias', string_to_replace: '', alias: '', phoneme: '', alphabet: 'ipa' };

export function Dictionaries({ dictionaryId }) {
  return dictionaryId ? <Dictionary id={dictionaryId} /> : <DictionaryList />;
}

function DictionaryList() {
  const [items, setItems] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState(null);
  async function load(c) {
    try {
      const r = await api.get(BASE, { cursor: c, page_size: 30, sort: 'name', sort_direction: 'ascending' });
      setItems((x) => (c ? [...x, ...r.pronunciation_dictionaries] : r.pronunciation_dictionaries));
      setCursor(r.next_cursor);
      setMore(r.has_more);
    } catch (e) { setError(e); }
  }
  useEffect(() => { load(null); }, []);
  return (
    <div class="grid two">
      <div class="card">
        <h2>Pronunciation dictionaries</h2>
        <ErrorNote error={error} />
        {items.length === 0 && <p class="muted">None yet.</p>}
        <ul class="plain dictionary-list">
          {items.map((d) => (
            <li><a href={`#/voices/dictionaries/${enc(d.id)}`}>{d.name}</a> <span class="muted">{d.latest_version_rules_num} rules</span></li>
          ))}
        </ul>
        {more && <button class="secondary" onClick={() => load(cursor)}>Load more</button>}
      </div>
      <div>
        <FromRules />
        <FromFile />
      </div>
    </div>
  );
}

/** Rule rows: alias (string → alias) or phoneme (string → phoneme in IPA or CMU arpabet). */
function RulesEditor({ rules, onChange, idPrefix }) {
  const set = (i, patch) => onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="rules-editor">
      <legend>Rules</legend>
      {rules.map((r, i) => (
        <div class="row rule-row" key={i}>
          <select aria-label={`Rule ${i + 1} type`} value={r.type} onChange={(e) => set(i, { type: e.target.value })}>
            <option value="alias">Alias</option>
            <option value="phoneme">Phoneme</option>
          </select>
          <input aria-label={`Rule ${i + 1} word`} placeholder="Word" value={r.string_to_replace} onInput={(e) => set(i, { string_to_replace: e.target.value })} />
          {r.type === 'alias'
            ? <input aria-label={`Rule ${i + 1} alias`} placeholder="Say it as" value={r.alias} onInput={(e) => set(i, { alias: e.target.value })} />
            : <>
                <input aria-label={`Rule ${i + 1} phoneme`} placeholder="Phonemes" value={r.phoneme} onInput={(e) => set(i, { phoneme: e.target.value })} />
                <select aria-label={`Rule ${i + 1} alphabet`} value={r.alphabet} onChange={(e) => set(i, { alphabet: e.target.value })}>
                  <option value="ipa">IPA</option>
                  <option value="cmu-arpabet">CMU arpabet</option>
                </select>
              </>}
          {rules.length > 1 && <button type="button" class="secondary" aria-label={`Remove rule ${i + 1}`} onClick={() => onChange(rules.filter((_, j) => j !== i))}>✕</button>}
        </div>
      ))}
      <button type="button" class="secondary" id={`${idPrefix}-add-rule`} onClick={() => onChange([...rules, { ...EMPTY_RULE }])}>Add rule</button>
    </fieldset>
  );
}

/** The API's rule objects from the editor's rows (empty rows dropped). */
function wireRules(rules) {
  return rules.filter((r) => r.string_to_replace.trim()).map((r) => (r.type === 'alias'
    ? { type: 'alias', string_to_replace: r.string_to_replace.trim(), alias: r.alias }
    : { type: 'phoneme', string_to_replace: r.string_to_replace.trim(), phoneme: r.phoneme, alphabet: r.alphabet }));
}

function FromRules() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rules, setRules] = useState([{ ...EMPTY_RULE }]);
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post(`${BASE}/add-from-rules`, { name: name.trim(), description: description.trim() || undefined, rules: wireRules(rules) });
      navigate('voices', 'dictionaries', r.id);
    } catch (err) { setError(err); }
  }
  return (
    <form class="card" onSubmit={submit} aria-label="New dictionary from rules">
      <h2>New dictionary from rules</h2>
      <Field label="Name" id="dict-name"><input id="dict-name" required value={name} onInput={(e) => setName(e.target.value)} /></Field>
      <Field label="Description" id="dict-description"><input id="dict-description" value={description} onInput={(e) => setDescription(e.target.value)} /></Field>
      <RulesEditor rules={rules} onChange={setRules} idPrefix="dict-new" />
      <button type="submit" disabled={!name.trim()}>Create dictionary</button>
      <ErrorNote error={error} />
    </form>
  );
}

function FromFile() {
  const [name, setName] = useState('');
  const [file, setFile] = useState(null);
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    const form = new FormData();
    form.append('name', name.trim());
    form.append('file', file, file.name);
    try {
      const r = await api.post(`${BASE}/add-from-file`, form);
      navigate('voices', 'dictionaries', r.id);
    } catch (err) { setError(err); }
  }
  return (
    <form class="card" onSubmit={submit} aria-label="New dictionary from a file">
      <h2>New dictionary from a .pls file</h2>
      <Field label="Dictionary name" id="dict-file-name"><input id="dict-file-name" required value={name} onInput={(e) => setName(e.target.value)} /></Field>
      <Field label="PLS file" id="dict-file"><input id="dict-file" type="file" accept=".pls,.xml,application/pls+xml" onChange={(e) => setFile(e.target.files[0] || null)} /></Field>
      <button type="submit" disabled={!name.trim() || !file}>Upload dictionary</button>
      <ErrorNote error={error} />
    </form>
  );
}

function Dictionary({ id }) {
  const { data: d, error, reload } = useAsync(() => api.get(`${BASE}/${enc(id)}`), [id]);
  const [rules, setRules] = useState([{ ...EMPTY_RULE }]);
  const [opError, setOpError] = useState(null);
  const op = async (fn) => { setOpError(null); try { await fn(); reload(); } catch (e) { setOpError(e); } };
  if (error) return <><ErrorNote error={error} /><a href="#/voices/dictionaries">Back</a></>;
  if (!d) return <p class="muted" role="status">Loading…</p>;
  async function save() {
    const blob = await api.blob('GET', `${BASE}/${enc(d.id)}/${enc(d.latest_version_id)}/download`);
    download(blob, `${d.name.replace(/[^\w.-]+/g, '_')}.pls`);
  }
  return (
    <section aria-label={`Dictionary ${d.name}`}>
      <p><a href="#/voices/dictionaries">← Dictionaries</a></p>
      <h2>{d.name}</h2>
      {d.description && <p>{d.description}</p>}
      <p class="muted small">Version <code>{d.latest_version_id}</code>, {d.latest_version_rules_num} rules · ID <code>{d.id}</code></p>
      <button class="secondary" onClick={() => op(save)}>Download .pls</button>
      <div class="table-wrap">
        <table aria-label="Rules">
          <thead><tr><th scope="col">Word</th><th scope="col">Type</th><th scope="col">Replacement</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {(d.rules || []).map((r) => (
              <tr>
                <td>{r.string_to_replace}</td>
                <td>{r.type}</td>
                <td>{r.type === 'alias' ? r.alias : `/${r.phoneme}/ (${r.alphabet})`}</td>
                <td><button class="secondary" aria-label={`Remove rule ${r.string_to_replace}`}
                  onClick={() => op(() => api.post(`${BASE}/${enc(d.id)}/remove-rules`, { rule_strings: [r.string_to_replace] }))}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form class="card" aria-label="Add rules" onSubmit={(e) => {
        e.preventDefault();
        op(async () => { await api.post(`${BASE}/${enc(d.id)}/add-rules`, { rules: wireRules(rules) }); setRules([{ ...EMPTY_RULE }]); });
      }}>
        <h3>Add rules</h3>
        <RulesEditor rules={rules} onChange={setRules} idPrefix="dict-add" />
        <button type="submit">Add rules</button>
      </form>
      <ErrorNote error={opError} />
    </section>
  );
}
