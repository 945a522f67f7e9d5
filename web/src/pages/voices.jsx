// The Voices page. Sub-routes: #/voices (library), #/voices/<voice_id> (one voice), #/voices/clone (instant clone),
// #/voices/design (voice design and remix), #/voices/pvc[/<voice_id>] (professional cloning's steps),
// #/voices/dictionaries[/<id>] (pronunciation dictionaries). The tabs are plain links (keyboard: Tab + Enter).
// The screens load on the first visit (voices/sections.jsx), so the app's first page does not carry them.
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ui.jsx';

const TABS = [
  { id: '', title: 'Library' },
  { id: 'clone', title: 'Instant clone' },
  { id: 'design', title: 'Voice design' },
  { id: 'pvc', title: 'Professional clone' },
  { id: 'dictionaries', title: 'Pronunciation' },
];
const SECTIONS = new Set(TABS.map((t) => t.id).filter(Boolean));

let loading = null;
function loadSections() {
  loading = loading || import('./voices/sections.jsx').catch((e) => { loading = null; throw e; });
  return loading;
}

export default function Voices({ rest = [] }) {
  const [screens, setScreens] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { loadSections().then(setScreens, setError); }, []);
  const [first, second] = rest;
  const section = first && SECTIONS.has(first) ? first : '';
  return (
    <section class="voices">
      <h1>Voices</h1>
      <nav class="voices-tabs" aria-label="Voices">
        {TABS.map((t) => (
          <a href={t.id ? `#/voices/${t.id}` : '#/voices'} aria-current={t.id === section && (t.id || !first) ? 'page' : undefined}>{t.title}</a>
        ))}
      </nav>
      <ErrorNote error={error} />
      {screens ? body(screens, section, first, second) : !error && <p class="muted" role="status">Loading…</p>}
    </section>
  );
}

function body({ Library, VoiceDetail, Clone, Design, Pvc, Dictionaries }, section, first, second) {
  if (section === 'clone') return <Clone />;
  if (section === 'design') return <Design />;
  if (section === 'pvc') return <Pvc voiceId={second} />;
  if (section === 'dictionaries') return <Dictionaries dictionaryId={second} />;
  if (first) return <VoiceDetail voiceId={first} />;
  return <Library />;
}
