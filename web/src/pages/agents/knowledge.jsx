// The builder's knowledge base: documents attached by locator (prompt.knowledge_base: {type, name, id, usage_mode}),
// documents added as text, URL or file, RAG on/off (prompt.rag.enabled) and each attached document's RAG index
// (POST …/rag-index to compute, progress polled from GET /v1/convai/knowledge-base/{id}/rag-index).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote, JobProgress } from '../../components/ui.jsx';
import { Check, Section } from './fields.jsx';

const P = 'conversation_config.agent.prompt';

export function KnowledgeSection({ ed }) {
  const [docs, setDocs] = useState(null);
  const [error, setError] = useState(null);
  const [kind, setKind] = useState('text');
  const [form, setForm] = useState({ name: '', text: '', url: '', file: null });
  const [busy, setBusy] = useState(false);
  useEffect(() => { api.get('/v1/convai/knowledge-base', { page_size: 100 }).then((r) => setDocs(r.documents), setError); }, []);

  const attached = ed.get(`${P}.knowledge_base`) || [];
  const isOn = (id) => attached.some((l) => l.id === id);
  const toggle = (d, on) => ed.set(`${P}.knowledge_base`, on
    ? [...attached, { type: d.type, name: d.name, id: d.id, usage_mode: 'auto' }] : attached.filter((l) => l.id !== d.id));

  async function add() {
    setBusy(true);
    setError(null);
    try {
      let r;
      const name = form.name.trim() || undefined;
      if (kind === 'text') r = await api.post('/v1/convai/knowledge-base/text', { text: form.text, name });
      else if (kind === 'url') r = await api.post('/v1/convai/knowledge-base/url', { url: form.url.trim(), name });
      else {
        const fd = new FormData();
        fd.append('file', form.file);
        if (name) fd.append('name', name);
        r = await api.post('/v1/convai/knowledge-base/file', fd);
      }
      const d = await api.get(`/v1/convai/knowledge-base/${encodeURIComponent(r.id)}`);
      setDocs((list) => [d, ...(list || [])]);
      toggle(d, true);
      setForm({ name: '', text: '', url: '', file: null });
    } catch (e) { setError(e); } finally { setBusy(false); }
  }

  const ready = kind === 'text' ? form.text.trim() : kind === 'url' ? form.url.trim() : form.file;
  return (
    <Section title="Knowledge base">
      <Check ed={ed} path={`${P}.rag.enabled`} label="Use RAG (retrieve the relevant passages instead of the whole documents)" />
      <fieldset class="field">
        <legend>Documents</legend>
        {docs === null && !error && <p class="muted">Loading…</p>}
        {docs && docs.length === 0 && <p class="muted">No documents yet.</p>}
        {(docs || []).map((d) => {
          const id = `ag-kb-${d.id}`;
          return (
            <div class="kb-doc">
              <div class="check">
                <input id={id} type="checkbox" checked={isOn(d.id)} onChange={(e) => toggle(d, e.target.checked)} />
                <label for={id}>{d.name}</label> <small class="muted">{d.type}</small>
              </div>
              {isOn(d.id) && <RagIndex docId={d.id} name={d.name} model={ed.get(`${P}.rag.embedding_model`) || 'e5_mistral_7b_instruct'} />}
            </div>
          );
        })}
      </fieldset>
      <details class="nested">
        <summary>Add a document</summary>
        <div class="row" role="radiogroup" aria-label="Document source">
          {[['text', 'Text'], ['url', 'URL'], ['file', 'File']].map(([k, label]) => (
            <span class="check"><input type="radio" id={`ag-kb-kind-${k}`} name="ag-kb-kind" checked={kind === k} onChange={() => setKind(k)} />
              <label for={`ag-kb-kind-${k}`}>{label}</label></span>
          ))}
        </div>
        <div class="field"><label for="ag-kb-name">Document name</label>
          <input id="ag-kb-name" value={form.name} onInput={(e) => setForm({ ...form, name: e.target.value })} /></div>
        {kind === 'text' && <div class="field"><label for="ag-kb-text">Document text</label>
          <textarea id="ag-kb-text" rows={4} value={form.text} onInput={(e) => setForm({ ...form, text: e.target.value })} /></div>}
        {kind === 'url' && <div class="field"><label for="ag-kb-url">Web page URL</label>
          <input id="ag-kb-url" type="url" value={form.url} onInput={(e) => setForm({ ...form, url: e.target.value })} /></div>}
        {kind === 'file' && <div class="field"><label for="ag-kb-file">File (PDF, text, Markdown, HTML, DOCX, EPUB)</label>
          <input id="ag-kb-file" type="file" onChange={(e) => setForm({ ...form, file: e.target.files[0] || null })} /></div>}
        <button type="button" class="secondary" disabled={busy || !ready} onClick={add}>Add and attach document</button>
      </details>
      <ErrorNote error={error} />
    </Section>
  );
}

/** A document's RAG index for `model`: its state, a button to compute it, progress while it builds. */
function RagIndex({ docId, name, model }) {
  const [state, setState] = useState(null);
  const [polling, setPolling] = useState(false);
  const [error, setError] = useState(null);
  const url = `/v1/convai/knowledge-base/${encodeURIComponent(docId)}/rag-index`;
  const current = async () => (await api.get(url)).indexes.find((i) => i.model === model) || null;
  useEffect(() => { current().then((i) => { setState(i); if (i && (i.status === 'created' || i.status === 'processing')) setPolling(true); }, setError); }, [docId, model]);
  const poll = useCallback(async () => {
    const i = await current();
    setState(i);
    const done = !i || i.status === 'succeeded' || i.status.startsWith('failed');
    return { percent: i ? i.progress_percentage : null, label: i ? `RAG index: ${i.status} (${Math.round(i.progress_percentage)} %)` : 'No index', done, error: i?.status.startsWith('failed') };
  }, [docId, model]);
  async function compute() {
    setError(null);
    try { setState(await api.post(url, { model })); setPolling(true); } catch (e) { setError(e); }
  }
  return (
    <div class="rag-index">
      {polling ? <JobProgress poll={poll} onDone={() => setPolling(false)} />
        : state ? <small class={state.status === 'succeeded' ? 'ok' : 'muted'}>RAG index: {state.status} ({Math.round(state.progress_percentage)} %)</small>
          : <button type="button" class="link" onClick={compute} aria-label={`Build the RAG index of ${name}`}>Build the RAG index</button>}
      <ErrorNote error={error} />
    </div>
  );
}
