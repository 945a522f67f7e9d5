// Several voices: lines each with its voice → POST /v1/text-to-dialogue/stream (mp3, played as it arrives);
// Download asks POST /v1/text-to-dialogue for the chosen output format.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../api.js';
import { ErrorNote } from '../../components/ui.jsx';
import { DownloadFormat } from './download-format.jsx';
import { readChunks, streamPlayer } from './stream-player.js';
import { loadVoices } from './voice-picker.jsx';

const MAX_LINES = 20;
let nextKey = 1;

export function Dialogue() {
  const [voices, setVoices] = useState([]);
  const [lines, setLines] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(false);
  const audio = useRef(null);
  const player = useRef(null);

  useEffect(() => {
    loadVoices().then((v) => {
      setVoices(v);
      setLines((ls) => (ls.length ? ls : [
        { key: nextKey++, text: '', voice_id: v[0] && v[0].voice_id },
        { key: nextKey++, text: '', voice_id: (v[1] || v[0] || {}).voice_id },
      ]));
    }, setError);
    return () => player.current && player.current.stop();
  }, []);

  const update = (key, patch) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const inputs = () => lines.filter((l) => l.text.trim()).map((l) => ({ text: l.text, voice_id: l.voice_id }));

  async function generate(e) {
    e.preventDefault();
    if (player.current) player.current.stop();
    const p = streamPlayer(audio.current);
    player.current = p;
    p.start();
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      const r = await request('POST', '/v1/text-to-dialogue/stream', { body: { inputs: inputs() }, query: { output_format: 'mp3_44100_128' } });
      await readChunks(r, (bytes) => p.push(bytes));
      await p.end();
      setDone(true);
    } catch (err) {
      p.stop();
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function fetchAudio(format) {
    return (await request('POST', '/v1/text-to-dialogue', { body: { inputs: inputs() }, query: { output_format: format } })).blob();
  }

  const ready = inputs().length > 0;
  return (
    <form onSubmit={generate}>
      <ol class="dialogue-lines">
        {lines.map((l, i) => (
          <li key={l.key} class="card">
            <div class="line-voice">
              <label for={`line-voice-${l.key}`}>Line {i + 1} voice</label>
              <select id={`line-voice-${l.key}`} value={l.voice_id} onChange={(e) => update(l.key, { voice_id: e.target.value })}>
                {voices.map((v) => <option value={v.voice_id}>{v.name}</option>)}
              </select>
            </div>
            <div class="line-text">
              <label for={`line-text-${l.key}`}>Line {i + 1} text</label>
              <input id={`line-text-${l.key}`} value={l.text} onInput={(e) => update(l.key, { text: e.target.value })} />
            </div>
            <button type="button" class="link" aria-label={`Remove line ${i + 1}`} disabled={lines.length <= 1}
              onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>Remove</button>
          </li>
        ))}
      </ol>
      <div class="row">
        <button type="button" class="secondary" disabled={lines.length >= MAX_LINES || !voices.length}
          onClick={() => setLines((ls) => [...ls, { key: nextKey++, text: '', voice_id: (voices[ls.length % voices.length] || {}).voice_id }])}>Add line</button>
        <button type="submit" disabled={busy || !ready}>{busy ? 'Generating…' : 'Generate dialogue'}</button>
        {done && <span class="muted">Saved in <a href="#/history">history</a>.</span>}
      </div>
      <ErrorNote error={error} />
      <div class="card player">
        <audio ref={audio} controls aria-label="Generated dialogue" />
      </div>
      <DownloadFormat id="dialogue-format" name="dialogue" fetchAudio={fetchAudio} disabled={!ready} />
    </form>
  );
}
