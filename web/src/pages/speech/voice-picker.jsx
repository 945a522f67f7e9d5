// The voice list of the Speech page: a search box (GET /v2/voices?search=…), one radio per voice and a ▶ button that
// plays the voice's preview_url. The chosen voice stays chosen when a search hides it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorNote } from '../../components/ui.jsx';

/** Every voice (GET /v2/voices, following next_page_token; at most 5 pages of 100). */
export async function loadVoices(search) {
  const voices = [];
  let token;
  for (let i = 0; i < 5; i++) {
    const page = await api.get('/v2/voices', { page_size: 100, search, next_page_token: token });
    voices.push(...page.voices);
    if (!page.has_more || !page.next_page_token) break;
    token = page.next_page_token;
  }
  return voices;
}

/** A preview URL on this server's origin (the server may name itself by another host than the page uses). */
function sameOrigin(url) {
  const u = new URL(url, location.origin);
  return u.origin === location.origin ? u.href : location.origin + u.pathname + u.search;
}

export function VoicePicker({ value, onChange }) {
  const [search, setSearch] = useState('');
  const [voices, setVoices] = useState(null);
  const [error, setError] = useState(null);
  const [playing, setPlaying] = useState(null);
  const preview = useRef(null);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => loadVoices(search.trim()).then(
      (v) => { if (!live) return; setVoices(v); setError(null); if (!value && v.length) onChange(v[0]); },
      (e) => live && setError(e)), search ? 250 : 0);
    return () => { live = false; clearTimeout(t); };
  }, [search]);
  useEffect(() => () => preview.current && preview.current.pause(), []);

  function togglePreview(v) {
    if (preview.current) preview.current.pause();
    if (playing === v.voice_id) { setPlaying(null); return; }
    const a = new Audio(sameOrigin(v.preview_url));
    a.onended = () => setPlaying(null);
    a.onerror = () => { setPlaying(null); setError(new Error(`The preview of ${v.name} could not be played.`)); };
    preview.current = a;
    setPlaying(v.voice_id);
    a.play().catch(() => setPlaying(null));
  }

  return (
    <fieldset class="voice-picker">
      <legend>Voice{value ? `: ${value.name}` : ''}</legend>
      <input type="search" aria-label="Search voices" placeholder="Search voices" value={search} onInput={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
      <ErrorNote error={error} />
      {voices === null && !error && <p class="muted">Loading voices…</p>}
      {voices && voices.length === 0 && <p class="muted">No voice matches.</p>}
      <ul class="voice-list">
        {(voices || []).map((v) => (
          <li key={v.voice_id} class={value && value.voice_id === v.voice_id ? 'chosen' : ''}>
            <input type="radio" name="voice" id={`voice-${v.voice_id}`} checked={value && value.voice_id === v.voice_id} onChange={() => onChange(v)} />
            <label for={`voice-${v.voice_id}`}>
              {v.name}
              <small class="muted">{[v.labels && v.labels.gender, v.labels && v.labels.accent, v.category].filter(Boolean).join(' · ')}</small>
            </label>
            {v.preview_url && (
              <button type="button" class="secondary preview" aria-label={`${playing === v.voice_id ? 'Stop preview of' : 'Preview'} ${v.name}`}
                aria-pressed={playing === v.voice_id} onClick={() => togglePreview(v)}>{playing === v.voice_id ? '■' : '▶'}</button>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
