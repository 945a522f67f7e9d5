// The Transcribe page: a file (uploaded or recorded here) → POST /v1/speech-to-text (model, language, diarize and
// number of speakers, timestamps granularity, audio events, additional_formats) → the transcript with word timings
// under the audio's player, speakers in colours, and the exports to download; below, live transcription from the
// microphone over WS /v1/speech-to-text/realtime.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api.js';
import { ErrorNote, Field, Select, clock } from '../components/ui.jsx';
import { concatPcm, openMicrophone, RATE } from './transcribe/audio.js';
import { wavBlob } from '../components/wav.js';
import { Exports, EXPORT_FORMATS } from './transcribe/exports.jsx';
import { Live } from './transcribe/live.jsx';
import { Transcript } from './transcribe/transcript.jsx';
import './transcribe/transcribe.css';

// The speech-to-text models Timbre takes (GET /v1/models lists text-to-speech models only).
const MODELS = [
  { value: 'scribe_v1', label: 'Scribe v1' },
  { value: 'scribe_v2', label: 'Scribe v2' },
  { value: 'scribe_v1_experimental', label: 'Scribe v1 experimental' },
];
const REALTIME_MODELS = [{ value: 'scribe_v2_realtime', label: 'Scribe v2 realtime' }, ...MODELS];
const GRANULARITY = [
  { value: 'word', label: 'Words' },
  { value: 'character', label: 'Words and characters' },
  { value: 'none', label: 'None (text only)' },
];
const MAX_RECORD_SECONDS = 600;

/** Records the microphone into a 16 kHz WAV: { recording, seconds, start(), stop() → Blob }. */
function useRecorder(onDone, onError) {
  const [recording, setRecording] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const mic = useRef(null);
  const chunks = useRef([]);
  const finish = () => {
    if (!mic.current) return;
    mic.current.stop();
    mic.current = null;
    setRecording(false);
    const pcm = concatPcm(chunks.current);
    chunks.current = [];
    if (pcm.length) onDone(wavBlob(pcm, RATE));
  };
  useEffect(() => () => { mic.current?.stop(); }, []);
  const start = async () => {
    chunks.current = [];
    setSeconds(0);
    try {
      let total = 0;
      mic.current = await openMicrophone({
        onChunk: (pcm) => {
          chunks.current.push(pcm);
          total += pcm.length;
          setSeconds(total / RATE);
          if (total >= MAX_RECORD_SECONDS * RATE) setTimeout(finish);
        },
      });
      setRecording(true);
    } catch (e) {
      onError(`The microphone could not be opened: ${e.message}`);
    }
  };
  return { recording, seconds, start, stop: finish };
}

export default function Transcribe() {
  const [audio, setAudio] = useState(null); // { blob, name, url }
  const [model, setModel] = useState('scribe_v1');
  const [language, setLanguage] = useState('');
  const [diarize, setDiarize] = useState(false);
  const [speakers, setSpeakers] = useState('');
  const [granularity, setGranularity] = useState('word');
  const [events, setEvents] = useState(true);
  const [formats, setFormats] = useState(['srt', 'txt', 'docx', 'pdf']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [result, setResult] = useState(null); // { data, audioUrl, diarize }
  const fileInput = useRef(null);
  const resultHeading = useRef(null);
  useEffect(() => { if (result) resultHeading.current?.focus(); }, [result]);
  // Object URLs of the chosen audio and of the transcript's player: one is revoked when neither uses it any more.
  const urls = useRef({ audio: null, result: null });
  useEffect(() => () => { for (const u of new Set(Object.values(urls.current))) if (u) URL.revokeObjectURL(u); }, []);
  const release = (url) => { if (url && url !== urls.current.audio && url !== urls.current.result) URL.revokeObjectURL(url); };

  const chooseAudio = (blob, name) => {
    const old = urls.current.audio;
    urls.current.audio = URL.createObjectURL(blob);
    release(old);
    setAudio({ blob, name, url: urls.current.audio });
  };
  const recorder = useRecorder((blob) => {
    if (fileInput.current) fileInput.current.value = '';
    chooseAudio(blob, `recording-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.wav`);
  }, setError);

  const submit = async (e) => {
    e.preventDefault();
    if (!audio) { setError('Choose an audio file or record one first.'); return; }
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('model_id', model);
    form.append('file', audio.blob, audio.name);
    if (language.trim()) form.append('language_code', language.trim());
    form.append('diarize', String(diarize));
    if (diarize && speakers) form.append('num_speakers', speakers);
    form.append('timestamps_granularity', granularity);
    form.append('tag_audio_events', String(events));
    if (formats.length) form.append('additional_formats', JSON.stringify(formats.map((format) => ({ format }))));
    try {
      const data = await (await request('POST', '/v1/speech-to-text', { body: form })).json();
      const old = urls.current.result;
      urls.current.result = audio.url;
      release(old);
      setResult({ data, audioUrl: audio.url, diarize, name: audio.name });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggleFormat = (f) => setFormats((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]));

  return (
    <section class="transcribe">
      <h1>Transcribe</h1>
      <div class="grid sidebar">
        <div class="tr-main">
          <form class="card" onSubmit={submit} aria-labelledby="tr-file-title">
            <h2 id="tr-file-title">Transcribe a recording</h2>
            <Field label="Audio or video file" id="tr-file" hint="WAV, MP3, Ogg Opus or FLAC; or record one below.">
              <input id="tr-file" ref={fileInput} type="file" accept="audio/*,video/*"
                onChange={(e) => { const f = e.target.files[0]; if (f) chooseAudio(f, f.name); }} />
            </Field>
            <div class="row record-row">
              {!recorder.recording
                ? <button type="button" class="secondary" onClick={() => { setError(null); recorder.start(); }}>Record from microphone</button>
                : <button type="button" class="danger" onClick={recorder.stop}>Stop recording</button>}
              <span class="muted" role="status">{recorder.recording ? `Recording ${clock(recorder.seconds)}` : audio ? `Selected: ${audio.name}` : 'No audio selected.'}</span>
            </div>
            {audio && !recorder.recording && <audio class="preview" src={audio.url} controls aria-label="Selected audio" />}
  
            <div class="grid two">
              <Select label="Model" id="tr-model" value={model} options={MODELS} onChange={setModel} />
              <Field label="Language" id="tr-language" hint="ISO code such as en or fra; empty: detect.">
                <input id="tr-language" value={language} maxLength={3} autocomplete="off" placeholder="auto"
                  onInput={(e) => setLanguage(e.target.value)} />
              </Field>
              <Select label="Timestamps" id="tr-granularity" value={granularity} options={GRANULARITY} onChange={setGranularity} />
              <Field label="Number of speakers" id="tr-speakers" hint={diarize ? 'Empty: find out.' : 'With “Identify speakers”.'}>
                <input id="tr-speakers" type="number" min="1" max="32" step="1" value={speakers} disabled={!diarize}
                  onInput={(e) => setSpeakers(e.target.value)} />
              </Field>
            </div>
            <div class="checks">
              <label><input type="checkbox" checked={diarize} onChange={(e) => setDiarize(e.target.checked)} /> Identify speakers (diarize)</label>
              <label><input type="checkbox" checked={events} onChange={(e) => setEvents(e.target.checked)} /> Tag audio events</label>
            </div>
            <fieldset class="formats">
              <legend>Exports</legend>
              {EXPORT_FORMATS.map((f) => (
                <label><input type="checkbox" checked={formats.includes(f.id)} onChange={() => toggleFormat(f.id)} /> {f.label}</label>
              ))}
            </fieldset>
            <ErrorNote error={error} />
            <div class="row">
              <button type="submit" disabled={busy || recorder.recording}>{busy ? 'Transcribing…' : 'Transcribe'}</button>
              {busy && <span class="muted" role="status">Transcribing, this can take a while for long files…</span>}
            </div>
          </form>
          {result && (
            <div class="card result" role="region" aria-labelledby="tr-result-title">
              <h2 id="tr-result-title" tabIndex={-1} ref={resultHeading}>Transcript</h2>
              <p class="muted">
                {result.name} · language {result.data.language_code || 'unknown'}
                {result.data.transcription_id && <> · id <code>{result.data.transcription_id}</code></>}
              </p>
              <Transcript result={result.data} audioUrl={result.audioUrl} showSpeakers={result.diarize} />
              <Exports formats={result.data.additional_formats || []} base={result.name.replace(/\.[^.]*$/, '') || 'transcript'} />
            </div>
          )}
        </div>
        <div class="card live-card" role="region" aria-labelledby="tr-live-title">
          <h2 id="tr-live-title">Live transcription</h2>
          <p class="muted">From the microphone, as you speak.</p>
          <Live models={REALTIME_MODELS} language={language.trim()} />
        </div>
      </div>
    </section>
  );
}
