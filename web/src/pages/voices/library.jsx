// The voice library: GET /v2/voices with search, category and sort (newest first or by name), 20 a page; "Load
// more" follows next_page_token.
// ▶ plays a voice's preview_url in the one player at the top.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote, Field } from '../../components/ui.jsx';
import { CATEGORIES } from './common.jsx';

const PAGE_SIZE = 20;

export function Library() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState('created_at_unix');
  const [voices, setVoices] = useState([]);
  const [page, setPage] = useState({ token: null, more: false, total: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(null);
  const [playing, setPlaying] = useState(null);
  const player = useRef(null);
  const generation = useRef(0);

  useEffect(() => { // search as the user types, a moment after the last key
    const t = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(t);
  }, [search]);

  async function load(token) {
    const gen = token ? generation.current : ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const r = await api.get('/v2/voices', { search: query, category, page_size: PAGE_SIZE, next_page_token: token, sort });
      if (gen !== generation.current) return;
      setVoices((v) => (token ? [...v, ...r.voices] : r.voices));
      setPage({ token: r.next_page_token, more: r.has_more, total: r.total_count });
    } catch (e) {
      if (gen === generation.current) setError(e);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }
  useEffect(() => { load(null); }, [query, category, sort]);

  function play(v) {
    const a = player.current;
    a.src = v.preview_url;
    a.play().catch((e) => setError(e));
    setPlaying(v);
  }

  return (
    <section aria-label="Voice library">
      <form class="row library-filters" role="search" onSubmit={(e) => { e.preventDefault(); setQuery(search.trim()); }}>
        <Field label="Search voices" id="voice-search">
          <input id="voice-search" type="search" value={search} onInput={(e) => setSearch(e.target.value)} placeholder="Name, label, description" />
        </Field>
        <Field label="Category" id="voice-category">
          <select id="voice-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All</option>
            {CATEGORIES.map((c) => <option value={c}>{c}</option>)}
          </select>
        </Field>
        <Field label="Sort" id="voice-sort">
          <select id="voice-sort" value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="created_at_unix">Newest first</option>
            <option value="name">Name</option>
          </select>
        </Field>
      </form>
      <div class="preview-player" hidden={!playing}>
        <span class="muted">{playing ? `Preview: ${playing.name}` : ''}</span>
        <audio ref={player} controls aria-label="Voice preview" />
      </div>
      <ErrorNote error={error} />
      <p class="muted library-count" role="status">{loading ? 'Loading…' : `${page.total ?? voices.length} voices`}</p>
      <ul class="voice-list">
        {voices.map((v) => (
          <li class="card voice-item" key={v.voice_id}>
            <button class="play" aria-label={`Play preview of ${v.name}`} disabled={!v.preview_url}
              title={v.preview_url ? 'Play preview' : 'No preview'} onClick={() => play(v)}>▶</button>
            <div class="voice-main">
              <a href={`#/voices/${encodeURIComponent(v.voice_id)}`}>{v.name}</a>
              <span class="badge">{v.category}</span>
              <div class="muted small">{labelLine(v.labels)}</div>
            </div>
          </li>
        ))}
      </ul>
      {page.more && <button class="secondary" disabled={loading} onClick={() => load(page.token)}>Load more</button>}
    </section>
  );
}

function labelLine(labels) {
  return Object.entries(labels || {}).filter(([k]) => k !== 'default').map(([, v]) => v).join(' · ');
}
