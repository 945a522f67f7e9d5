// Live transcription: the microphone → 16 kHz PCM16 chunks (base64, every 100 ms) → WS /v1/speech-to-text/realtime
// (audio_format pcm_16000, commit_strategy vad) → partial and committed transcripts as they arrive. A browser
// WebSocket cannot send headers and Timbre has no single-use tokens, so the key goes in the `token` query parameter
// (the server takes it as an API key; same origin, never logged by the app). Stop sends a last chunk with
// commit: true and closes once its committed_transcript is in (or after 15 s).
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiKey, socketUrl } from '../../api.js';
import { ErrorNote } from '../../components/ui.jsx';
import { openMicrophone, pcmBase64, RATE } from './audio.js';

const FINISH_WAIT_MS = 15_000;

/** The error messages of the socket ({message_type: …error, error}) in words. */
function socketError(m) {
  return `${m.message_type.replace(/_/g, ' ')}: ${m.error || 'the transcription failed'}`;
}

/** `models`: the realtime model choices ({ value, label }); `language`: an ISO code or '' (detect). */
export function Live({ models, language }) {
  const [model, setModel] = useState(models[0].value);
  const [state, setState] = useState('idle'); // idle | connecting | live | finishing
  const [committed, setCommitted] = useState([]);
  const [partial, setPartial] = useState('');
  const [error, setError] = useState(null);
  const [level, setLevel] = useState(0);
  const session = useRef(null);

  const close = () => {
    const s = session.current;
    session.current = null;
    if (!s) return;
    clearTimeout(s.timer);
    s.mic?.stop();
    if (s.ws.readyState <= 1) s.ws.close(1000);
    setState('idle');
    setLevel(0);
  };
  useEffect(() => close, []);

  const start = async () => {
    setError(null);
    setPartial('');
    setState('connecting');
    const ws = new WebSocket(socketUrl('/v1/speech-to-text/realtime', {
      model_id: model, audio_format: `pcm_${RATE}`, commit_strategy: 'vad', vad_silence_threshold_secs: '1',
      language_code: language || undefined, inactivity_timeout: '60', token: apiKey.get(),
    }));
    const s = { ws, mic: null, timer: 0, finishing: false };
    session.current = s;
    ws.onmessage = async (e) => {
      let m;
      try { m = JSON.parse(e.data); } catch { return; }
      if (session.current !== s) return;
      if (m.message_type === 'session_started') {
        try {
          s.mic = await openMicrophone({
            onLevel: setLevel,
            onChunk: (pcm) => {
              if (ws.readyState === 1) ws.send(JSON.stringify({ message_type: 'input_audio_chunk', audio_base_64: pcmBase64(pcm), commit: false, sample_rate: RATE }));
            },
          });
          if (session.current !== s) { s.mic.stop(); return; }
          setState('live');
        } catch (err) {
          setError(`The microphone could not be opened: ${err.message}`);
          close();
        }
      } else if (m.message_type === 'partial_transcript') {
        setPartial(m.text || '');
      } else if (m.message_type === 'committed_transcript') {
        if (m.text) setCommitted((c) => [...c, m.text]);
        setPartial('');
        if (s.finishing) close();
      } else if (typeof m.error === 'string') {
        setError(socketError(m));
        if (m.message_type !== 'input_error' && m.message_type !== 'chunk_size_exceeded') close();
      }
    };
    ws.onerror = () => { if (session.current === s) setError('The connection to the realtime transcription failed.'); };
    ws.onclose = (e) => {
      if (session.current !== s) return;
      if (!s.finishing && e.code !== 1000) setError((old) => old || `The realtime transcription closed (${e.code}${e.reason ? `: ${e.reason}` : ''}).`);
      close();
    };
  };

  const stop = () => {
    const s = session.current;
    if (!s) return;
    s.mic?.stop(); // sends what it still holds
    s.mic = null;
    setLevel(0);
    if (s.ws.readyState !== 1) { close(); return; }
    s.finishing = true;
    setState('finishing');
    s.ws.send(JSON.stringify({ message_type: 'input_audio_chunk', audio_base_64: '', commit: true, sample_rate: RATE }));
    s.timer = setTimeout(close, FINISH_WAIT_MS);
  };

  const busy = state !== 'idle';
  return (
    <div class="live">
      <div class="field">
        <label for="tr-live-model">Live model</label>
        <select id="tr-live-model" value={model} disabled={busy} onChange={(e) => setModel(e.target.value)}>
          {models.map((o) => <option value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <div class="row">
        {!busy
          ? <button type="button" onClick={start}>Start live transcription</button>
          : <button type="button" class="danger" onClick={stop} disabled={state === 'finishing'}>Stop</button>}
        <button type="button" class="secondary" onClick={() => { setCommitted([]); setPartial(''); }} disabled={committed.length === 0 && !partial}>Clear</button>
        <span role="status" class="muted">
          {{ idle: committed.length ? 'Stopped.' : 'Not listening.', connecting: 'Connecting…', live: 'Listening…', finishing: 'Finishing…' }[state]}
        </span>
        {state === 'live' && <meter class="mic-level" min="0" max="1" value={level} aria-label="Microphone level" />}
      </div>
      <ErrorNote error={error} />
      <div class="live-text" aria-label="Live transcript" aria-live="polite">
        {committed.map((t) => <p class="committed">{t}</p>)}
        {partial && <p class="partial" aria-live="off"><span class="visually-hidden">Partial: </span>{partial}</p>}
        {!committed.length && !partial && <p class="muted">{busy ? 'Speak: the words appear here as they are recognised.' : 'Committed sentences appear here.'}</p>}
      </div>
    </div>
  );
}
