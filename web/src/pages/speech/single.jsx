// One voice: text → POST /v1/text-to-speech/{voice}/stream/with-timestamps (mp3_44100_128), played while it
// arrives (stream-player.js) with the word being spoken highlighted (words.js, following audio.currentTime).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, request } from '../../api.js';
import { ErrorNote, useAsync } from '../../components/ui.jsx';
import { DownloadFormat } from './download-format.jsx';
import { fromBase64, readNdjson, streamPlayer } from './stream-player.js';
import { VoicePicker } from './voice-picker.jsx';
import { FALLBACK_SETTINGS, VoiceSettings } from './voice-settings.jsx';
import { alignmentCollector, wordAt } from './words.js';

const STREAM_FORMAT = 'mp3_44100_128';

function limitOf(model) {
  return model ? (model.maximum_text_length_per_request || model.max_characters_request_subscribed_user || null) : null;
}

export function SingleVoice() {
  const [text, setText] = useState('');
  const [voice, setVoice] = useState(null);
  const [modelId, setModelId] = useState('eleven_multilingual_v2');
  const [settings, setSettings] = useState(FALLBACK_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [words, setWords] = useState([]);
  const [current, setCurrent] = useState(-1);
  const [historyId, setHistoryId] = useState(null);
  const audio = useRef(null);
  const player = useRef(null);
  const wordsRef = useRef(words);
  wordsRef.current = words;

  const models = useAsync(async () => (await api.get('/v1/models')).filter((m) => m.can_do_text_to_speech), []);
  useEffect(() => { api.get('/v1/voices/settings/default').then((s) => setSettings({ ...FALLBACK_SETTINGS, ...s }), () => {}); }, []);
  const model = (models.data || []).find((m) => m.model_id === modelId);
  const limit = limitOf(model);

  // The highlight follows the audio clock, frame by frame while it plays.
  useEffect(() => {
    const a = audio.current;
    let frame = 0;
    const tick = () => {
      setCurrent(wordAt(wordsRef.current, a.currentTime));
      if (!a.paused && !a.ended) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => { cancelAnimationFrame(frame); frame = requestAnimationFrame(tick); };
    const onStop = () => { cancelAnimationFrame(frame); tick(); };
    a.addEventListener('playing', onPlay);
    a.addEventListener('pause', onStop);
    a.addEventListener('ended', () => { cancelAnimationFrame(frame); setCurrent(-1); });
    a.addEventListener('seeked', onStop);
    return () => { cancelAnimationFrame(frame); player.current && player.current.stop(); };
  }, []);

  const body = () => ({ text, model_id: modelId, voice_settings: settings });

  async function generate(e) {
    e.preventDefault();
    if (!voice) return;
    if (player.current) player.current.stop();
    const p = streamPlayer(audio.current);
    player.current = p;
    p.start();
    const alignment = alignmentCollector();
    setError(null);
    setWords([]);
    setHistoryId(null);
    setBusy(true);
    try {
      const r = await request('POST', `/v1/text-to-speech/${encodeURIComponent(voice.voice_id)}/stream/with-timestamps`,
        { body: body(), query: { output_format: STREAM_FORMAT } });
      const id = r.headers.get('history-item-id');
      performance.mark('speech:response');
      let first = true;
      await readNdjson(r, (chunk) => {
        if (first) { performance.mark('speech:first-chunk'); first = false; }
        if (chunk.audio_base64) p.push(fromBase64(chunk.audio_base64));
        if (chunk.alignment) { alignment.add(chunk.alignment); setWords(alignment.words()); }
      });
      await p.end();
      setHistoryId(id || 'saved');
    } catch (err) {
      p.stop();
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function fetchAudio(format) {
    const r = await request('POST', `/v1/text-to-speech/${encodeURIComponent(voice.voice_id)}`, { body: body(), query: { output_format: format } });
    return r.blob();
  }

  const over = limit && text.length > limit;
  return (
    <form class="grid sidebar" onSubmit={generate}>
      <div>
        <div class="field">
          <label for="tts-text">Text</label>
          <textarea id="tts-text" value={text} onInput={(e) => setText(e.target.value)} aria-describedby="tts-count" required />
          <small id="tts-count" class={over ? 'error' : 'muted'}>
            {text.length.toLocaleString()} {limit ? `/ ${limit.toLocaleString()} characters (the model's limit)` : 'characters'}
          </small>
        </div>
        <div class="row">
          <button type="submit" disabled={busy || !voice || !text.trim()}>{busy ? 'Generating…' : 'Generate'}</button>
          {historyId && <span class="muted">Saved in <a href="#/history">history</a>.</span>}
        </div>
        <ErrorNote error={error} />
        <div class="card player">
          <audio ref={audio} controls aria-label="Generated speech" />
          <div class="spoken" role="group" aria-label="Spoken text">
            {words.length === 0 && <span class="muted">The words appear here as they are spoken.</span>}
            {words.map((w, i) => (i === current ? <mark key={i}>{w.text}</mark> : <span key={i}>{w.text}</span>)).flatMap((el, i) => (i ? [' ', el] : [el]))}
          </div>
        </div>
        <DownloadFormat id="tts-format" name={`speech-${voice ? voice.name.toLowerCase().replace(/[^a-z0-9]+/g, '-') : 'audio'}`}
          fetchAudio={fetchAudio} disabled={!voice || !text.trim()} />
      </div>
      <div>
        <div class="field">
          <label for="tts-model">Model</label>
          <select id="tts-model" value={modelId} onChange={(e) => setModelId(e.target.value)}>
            {(models.data || [{ model_id: modelId, name: modelId }]).map((m) => <option value={m.model_id}>{m.name}</option>)}
          </select>
        </div>
        <ErrorNote error={models.error} />
        <VoiceSettings value={settings} onChange={setSettings} />
        <VoicePicker value={voice} onChange={setVoice} />
      </div>
    </form>
  );
}
