// The History page: what this key generated (GET /v1/history, "Load more" pages with start_after_history_item_id),
// filtered by text and voice; play or download one item, download several as a zip (POST /v1/history/download),
// delete with a confirmation. Audio needs the key, so it is fetched as a Blob and played from an object URL.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, download, request } from '../api.js';
import { ErrorNote } from '../components/ui.jsx';
import { extensionOfType } from './speech/formats.js';
import { ConfirmDelete } from './history/confirm-delete.jsx';
import './history/history.css';

const PAGE_SIZE = 30;

function itemText(h) {
  if (h.text) return h.text;
  if (h.dialogue && h.dialogue.length) return h.dialogue.map((d) => d.text).join(' / ');
  return '(no text)';
}

function fileName(h, type) {
  const stem = itemText(h).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'audio';
  return `${stem}-${h.history_item_id}.${extensionOfType(type || h.content_type)}`;
}

export default function History() {
  const [search, setSearch] = useState('');
  const [voiceId, setVoiceId] = useState('');
  const [voices, setVoices] = useState([]);
  const [items, setItems] = useState([]);
  const [more, setMore] = useState(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);
  const [selected, setSelected] = useState(new Set());
  const [playing, setPlaying] = useState(null);
  const [confirming, setConfirming] = useState(null);
  const [busy, setBusy] = useState(false);
  const audio = useRef(null);
  const audioUrl = useRef(null);
  const loadSeq = useRef(0);

  useEffect(() => { api.get('/v2/voices', { page_size: 100 }).then((r) => setVoices(r.voices), () => {}); }, []);
  useEffect(() => () => audioUrl.current && URL.revokeObjectURL(audioUrl.current), []);

  // Only the latest load counts: a slower answer to an older filter is dropped.
  async function load(after) {
    const seq = ++loadSeq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.get('/v1/history', { page_size: PAGE_SIZE, search: search.trim(), voice_id: voiceId, start_after_history_item_id: after });
      if (seq !== loadSeq.current) return;
      setItems((prev) => (after ? [...prev, ...page.history] : page.history));
      setMore(page.has_more ? page.last_history_item_id : null);
    } catch (e) {
      if (seq === loadSeq.current) setError(e);
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }
  useEffect(() => {
    const t = setTimeout(() => load(null), search ? 300 : 0);
    return () => clearTimeout(t);
  }, [search, voiceId]);

  async function play(h) {
    setError(null);
    try {
      const blob = await api.blob('GET', `/v1/history/${encodeURIComponent(h.history_item_id)}/audio`);
      if (audioUrl.current) URL.revokeObjectURL(audioUrl.current);
      audioUrl.current = URL.createObjectURL(blob);
      setPlaying(h);
      audio.current.src = audioUrl.current;
      await audio.current.play().catch(() => {});
    } catch (e) {
      setError(e);
    }
  }

  async function downloadOne(h) {
    setError(null);
    try {
      const r = await request('GET', `/v1/history/${encodeURIComponent(h.history_item_id)}/audio`);
      download(await r.blob(), fileName(h, r.headers.get('content-type')));
    } catch (e) {
      setError(e);
    }
  }

  async function downloadSelected() {
    setBusy(true);
    setError(null);
    try {
      const ids = chosen.map((h) => h.history_item_id);
      const r = await request('POST', '/v1/history/download', { body: { history_item_ids: ids } });
      const type = r.headers.get('content-type') || '';
      const blob = await r.blob();
      download(blob, ids.length > 1 ? 'history.zip' : fileName(items.find((h) => h.history_item_id === ids[0]), type));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(h) {
    setConfirming(null);
    setError(null);
    try {
      await api.del(`/v1/history/${encodeURIComponent(h.history_item_id)}`);
      setItems((prev) => prev.filter((x) => x.history_item_id !== h.history_item_id));
      setSelected((s) => { const n = new Set(s); n.delete(h.history_item_id); return n; });
      if (playing && playing.history_item_id === h.history_item_id) { audio.current.pause(); setPlaying(null); }
    } catch (e) {
      setError(e);
    }
  }

  const toggle = (id) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  // The selection counts only the items shown (a filter change hides, but does not forget, chosen items).
  const chosen = items.filter((h) => selected.has(h.history_item_id));
  const allChosen = items.length > 0 && chosen.length === items.length;

  return (
    <section>
      <h1>History</h1>
      <div class="history-filters row">
        <div class="field">
          <label for="history-search">Search</label>
          <input id="history-search" type="search" value={search} onInput={(e) => setSearch(e.target.value)} placeholder="Text contains…" />
        </div>
        <div class="field">
          <label for="history-voice">Voice</label>
          <select id="history-voice" value={voiceId} onChange={(e) => setVoiceId(e.target.value)}>
            <option value="">All voices</option>
            {voices.map((v) => <option value={v.voice_id}>{v.name}</option>)}
          </select>
        </div>
      </div>

      <div class="card history-player" hidden={!playing}>
        <audio ref={audio} controls aria-label="History audio" />
        {playing && <p class="muted">Playing: {itemText(playing)}</p>}
      </div>

      <div class="row history-actions">
        <span class="muted" aria-live="polite">{chosen.length} selected</span>
        <button type="button" class="secondary" disabled={chosen.length === 0 || busy} onClick={downloadSelected}>
          {busy ? 'Preparing…' : 'Download selected'}
        </button>
      </div>
      <ErrorNote error={error} />

      <div class="table-wrap" aria-busy={loading}>
        <table>
          <thead>
            <tr>
              <th><input type="checkbox" aria-label="Select all" checked={allChosen}
                onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((h) => h.history_item_id)))} /></th>
              <th>Text</th><th>Voice</th><th>Date</th><th>Format</th><th><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((h) => (
              <tr key={h.history_item_id} data-id={h.history_item_id}>
                <td><input type="checkbox" aria-label={`Select ${itemText(h)}`} checked={selected.has(h.history_item_id)} onChange={() => toggle(h.history_item_id)} /></td>
                <td class="history-text">{itemText(h)}</td>
                <td>{h.voice_name || (h.dialogue ? 'Dialogue' : h.voice_id)}</td>
                <td class="nowrap">{new Date(h.date_unix * 1000).toLocaleString()}</td>
                <td>{h.output_format || h.content_type}</td>
                <td class="history-row-actions">
                  <button type="button" class="secondary" aria-label={`Play ${itemText(h)}`} onClick={() => play(h)}>Play</button>
                  <button type="button" class="secondary" aria-label={`Download ${itemText(h)}`} onClick={() => downloadOne(h)}>Download</button>
                  <button type="button" class="danger" aria-label={`Delete ${itemText(h)}`} onClick={() => setConfirming(h)}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!loading && items.length === 0 && <p class="muted">Nothing here yet{search || voiceId ? ' for this filter' : ''}.</p>}
      {loading && <p class="muted">Loading…</p>}
      {more && !loading && <button type="button" class="secondary load-more" onClick={() => load(more)}>Load more</button>}
      {confirming && <ConfirmDelete text={itemText(confirming)} onConfirm={() => remove(confirming)} onCancel={() => setConfirming(null)} />}
    </section>
  );
}
