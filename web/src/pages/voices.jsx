// The Voices page. Sub-routes: #/voices (library), #/voices/<voice_id> (one voice), #/voices/clone (instant clone),
// #/voices/design (voice design and remix), #/voices/pvc[/<voice_id>] (professional cloning's steps),
// #/voices/dictionaries[/<id>] (pronunciation dictionaries). The tabs are plain links (keyboard: Tab + Enter).
import './voices/voices.css';
import { TABS } from './voices/common.jsx';
import { Library } from './voices/library.jsx';
import { VoiceDetail } from './voices/detail.jsx';
import { Clone } from './voices/clone.jsx';
import { Design } from './voices/design.jsx';
import { Pvc } from './voices/pvc.jsx';
import { Dictionaries } from './voices/dictionaries.jsx';

const SECTIONS = new Set(TABS.map((t) => t.id).filter(Boolean));

export default function Voices({ rest = [] }) {
  const [first, second] = rest;
  const section = first && SECTIONS.has(first) ? first : '';
  let body;
  if (section === 'clone') body = <Clone />;
  else if (section === 'design') body = <Design />;
  else if (section === 'pvc') body = <Pvc voiceId={second} />;
  else if (section === 'dictionaries') body = <Dictionaries dictionaryId={second} />;
  else if (first) body = <VoiceDetail voiceId={first} />;
  else body = <Library />;
  return (
    <section class="voices">
      <h1>Voices</h1>
      <nav class="voices-tabs" aria-label="Voices">
        {TABS.map((t) => (
          <a href={t.id ? `#/voices/${t.id}` : '#/voices'} aria-current={t.id === section && (t.id || !first) ? 'page' : undefined}>{t.title}</a>
        ))}
      </nav>
      {body}
    </section>
  );
}
