// The Speech page: one voice (streamed playback with the spoken word highlighted, download in any format) or a
// dialogue of several voices. The parts live in pages/speech/.
import { useState } from 'preact/hooks';
import { Dialogue } from './speech/dialogue.jsx';
import { SingleVoice } from './speech/single.jsx';
import './speech/speech.css';

const TABS = [{ id: 'single', label: 'Text to speech' }, { id: 'dialogue', label: 'Dialogue' }];

export default function Speech({ rest = [] }) {
  const [tab, setTab] = useState(rest[0] === 'dialogue' ? 'dialogue' : 'single');
  function onKey(e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = (TABS.findIndex((t) => t.id === tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setTab(TABS[i].id);
    document.getElementById(`tab-${TABS[i].id}`).focus();
  }
  return (
    <section>
      <h1>Speech</h1>
      <div class="speech-tabs" role="tablist" aria-label="Mode" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1} onClick={() => setTab(t.id)}>{t.label}</button>
        ))}
      </div>
      <div role="tabpanel" id="panel-single" aria-labelledby="tab-single" hidden={tab !== 'single'}><SingleVoice /></div>
      <div role="tabpanel" id="panel-dialogue" aria-labelledby="tab-dialogue" hidden={tab !== 'dialogue'}>{tab === 'dialogue' && <Dialogue />}</div>
    </section>
  );
}
