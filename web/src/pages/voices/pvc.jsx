// Professional voice cloning, step by step (/v1/voices/pvc…): create → add samples (speaker separation per sample)
// → verify (read the captcha aloud: record or upload; or ask for manual verification) → train one model, with the
// voice's fine_tuning state and progress polled (JobProgress) until fine_tuned or failed.
import { useCallback, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, Field, JobProgress, useAsync, useObjectUrl } from '../../components/ui.jsx';
import { TryIt, base64Blob } from './common.jsx';
import { Recorder } from './recorder.jsx';

const enc = encodeURIComponent;

/** #/voices/pvc: the professional voices and a form to start one; #/voices/pvc/<id>: its steps. */
export function Pvc({ voiceId }) {
  return voiceId ? <PvcSteps voiceId={voiceId} /> : <PvcStart />;
}

function PvcStart() {
  const list = useAsync(() => api.get('/v2/voices', { category: 'professional', page_size: 100, sort: 'name' }), []);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('en');
  const [description, setDescription] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function create(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post('/v1/voices/pvc', { name: name.trim(), language: language.trim(), description: description.trim() || undefined });
      navigate('voices', 'pvc', r.voice_id);
    } catch (err) { setError(err); setBusy(false); }
  }
  return (
    <div class="grid two">
      <form class="card" onSubmit={create} aria-label="New professional voice">
        <h2>Professional voice clone</h2>
        <p class="muted">Steps: create the voice, add samples of one speaker, verify that it is your voice, then train.</p>
        <Field label="Name" id="pvc-name"><input id="pvc-name" required maxLength={100} value={name} onInput={(e) => setName(e.target.value)} /></Field>
        <Field label="Language" id="pvc-language" hint="A language code such as en.">
          <input id="pvc-language" required maxLength={32} value={language} onInput={(e) => setLanguage(e.target.value)} />
        </Field>
        <Field label="Description" id="pvc-description">
          <textarea id="pvc-description" rows="2" maxLength={2000} value={description} onInput={(e) => setDescription(e.target.value)} />
        </Field>
        <button type="submit" disabled={busy || !name.trim() || !language.trim()}>Create voice</button>
        <ErrorNote error={error} />
      </form>
      <div class="card">
        <h2>Your professional voices</h2>
        <ErrorNote error={list.error} />
        {list.data && !list.data.voices.length && <p class="muted">None yet.</p>}
        <ul class="plain">
          {(list.data?.voices || []).map((v) => (
            <li><a href={`#/voices/pvc/${enc(v.voice_id)}`}>{v.name}</a> <span class="muted">{summary(v.fine_tuning)}</span></li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function summary(ft) {
  const states = Object.values(ft?.state || {});
  if (states.includes('fine_tuned')) return 'trained';
  if (states.includes('fine_tuning')) return 'training';
  return 'not trained';
}

function PvcSteps({ voiceId }) {
  const { data: voice, error, reload } = useAsync(() => api.get(`/v1/voices/${enc(voiceId)}`), [voiceId]);
  if (error) return <><ErrorNote error={error} /><a href="#/voices/pvc">Back</a></>;
  if (!voice) return <p class="muted" role="status">Loading…</p>;
  const verified = voice.voice_verification?.is_verified || !voice.voice_verification?.requires_verification;
  const samples = voice.samples || [];
  return (
    <section aria-label={`Professional clone ${voice.name}`}>
      <p><a href="#/voices/pvc">← Professional voices</a> · <a href={`#/voices/${enc(voice.voice_id)}`}>Voice details</a></p>
      <h2>{voice.name} <span class="badge">{voice.category}</span></h2>
      <ol class="steps">
        <li class="card"><h3>1. Samples</h3><SamplesStep voice={voice} samples={samples} onChange={reload} /></li>
        <li class="card"><h3>2. Verification</h3><VerifyStep voice={voice} verified={verified} onChange={reload} /></li>
        <li class="card"><h3>3. Training</h3><TrainStep voice={voice} ready={verified && samples.length > 0} onChange={reload} /></li>
      </ol>
      {Object.values(voice.fine_tuning?.state || {}).includes('fine_tuned') && <TryIt voiceId={voice.voice_id} idPrefix="pvc-try" />}
    </section>
  );
}

function SamplesStep({ voice, samples, onChange }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function upload(files) {
    if (!files.length) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    Array.from(files).forEach((f) => form.append('files', f, f.name));
    try {
      await api.post(`/v1/voices/pvc/${enc(voice.voice_id)}/samples`, form);
      onChange();
    } catch (e) { setError(e); } finally { setBusy(false); }
  }
  return (
    <>
      {samples.length === 0 && <p class="muted">No samples yet: add recordings of the speaker (several minutes in all is best).</p>}
      <ul class="plain sample-list">
        {samples.map((s) => <PvcSample key={s.sample_id} voice={voice} sample={s} onChange={onChange} />)}
      </ul>
      <Field label="Add sample files" id="pvc-files">
        <input id="pvc-files" type="file" accept="audio/*" multiple disabled={busy} onChange={(e) => { upload(e.target.files); e.target.value = ''; }} />
      </Field>
      <Recorder name="pvc-sample" label="Record a sample" onRecorded={(f) => upload([f])} />
      {busy && <p class="muted" role="status">Uploading…</p>}
      <ErrorNote error={error} />
    </>
  );
}

function PvcSample({ voice, sample, onChange }) {
  const base = `/v1/voices/pvc/${enc(voice.voice_id)}/samples/${enc(sample.sample_id)}`;
  const [audio, setAudio] = useState(null);
  const [sep, setSep] = useState(sample.speaker_separation);
  const [error, setError] = useState(null);
  const url = useObjectUrl(audio);
  const run = (fn) => async () => { setError(null); try { await fn(); } catch (e) { setError(e); } };
  const play = run(async () => {
    const a = await api.get(`${base}/audio`);
    setAudio(base64Blob(a.audio_base_64, a.media_type));
  });
  const separate = run(async () => {
    await api.post(`${base}/separate-speakers`);
    setSep({ ...sep, status: 'pending' });
  });
  const pollSeparation = useCallback(async () => {
    const s = await api.get(`${base}/speakers`);
    if (s.status !== 'pending') setSep(s);
    return { done: s.status !== 'pending', percent: null, label: `Separating speakers: ${s.status}` };
  }, [base]);
  const choose = (ids) => run(async () => {
    await api.post(base, { selected_speaker_ids: ids });
    setSep({ ...sep, selected_speaker_ids: ids });
  })();
  const remove = run(async () => { await api.del(base); onChange(); });
  const status = sep?.status || 'not_started';
  return (
    <li class="pvc-sample">
      <div class="row">
        <strong>{sample.file_name}</strong> <span class="muted">{(sample.duration_secs ?? 0).toFixed(1)} s</span>
        {url ? <audio controls autoPlay src={url} aria-label={`Sample ${sample.file_name}`} />
          : <button type="button" class="secondary" aria-label={`Play sample ${sample.file_name}`} onClick={play}>▶ Play</button>}
        {status === 'not_started' && <button type="button" class="secondary" onClick={separate}>Separate speakers</button>}
        <button type="button" class="danger" aria-label={`Delete sample ${sample.file_name}`} onClick={remove}>Delete</button>
      </div>
      {status === 'pending' && <JobProgress poll={pollSeparation} intervalMs={500} />}
      {status === 'completed' && sep.speakers && (
        <fieldset>
          <legend>Speakers in {sample.file_name}: keep the ones to train on</legend>
          {Object.values(sep.speakers).map((sp) => (
            <Speaker key={sp.speaker_id} base={base} speaker={sp} selected={(sep.selected_speaker_ids || []).includes(sp.speaker_id)}
              onToggle={(on) => choose(on ? [...(sep.selected_speaker_ids || []), sp.speaker_id]
                : (sep.selected_speaker_ids || []).filter((x) => x !== sp.speaker_id))} />
          ))}
        </fieldset>
      )}
      {status === 'failed' && <p class="error" role="alert">Speaker separation failed.</p>}
      <ErrorNote error={error} />
    </li>
  );
}

function Speaker({ base, speaker, selected, onToggle }) {
  const [audio, setAudio] = useState(null);
  const url = useObjectUrl(audio);
  async function play() {
    const a = await api.get(`${base}/speakers/${enc(speaker.speaker_id)}/audio`);
    setAudio(base64Blob(a.audio_base_64, a.media_type));
  }
  return (
    <div class="row">
      <label class="check"><input type="checkbox" checked={selected} onChange={(e) => onToggle(e.target.checked)} /> {speaker.speaker_id} ({speaker.duration_secs.toFixed(1)} s)</label>
      {url ? <audio controls autoPlay src={url} aria-label={`Speaker ${speaker.speaker_id}`} />
        : <button type="button" class="secondary" aria-label={`Play speaker ${speaker.speaker_id}`} onClick={play}>▶</button>}
    </div>
  );
}

function VerifyStep({ voice, verified, onChange }) {
  const captcha = useAsync(() => (verified ? null : api.get(`/v1/voices/pvc/${enc(voice.voice_id)}/captcha`)), [voice.voice_id, verified]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const ft = voice.fine_tuning || {};
  async function send(file) {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('recording', file, file.name);
    try {
      await api.post(`/v1/voices/pvc/${enc(voice.voice_id)}/captcha`, form);
      onChange();
    } catch (e) { setError(e); } finally { setBusy(false); }
  }
  if (verified) return <p class="ok" role="status">Verified: this voice may be trained.</p>;
  return (
    <>
      <p>Read this sentence aloud in the voice of the samples, then send the recording:</p>
      <ErrorNote error={captcha.error} />
      {captcha.data && <blockquote class="captcha">{captcha.data.text}</blockquote>}
      <button type="button" class="link" onClick={captcha.reload}>Another sentence</button>
      <Recorder name="captcha" label="Record the sentence" onRecorded={send} />
      <Field label="Or upload a recording of the sentence" id="pvc-captcha-file">
        <input id="pvc-captcha-file" type="file" accept="audio/*" disabled={busy} onChange={(e) => { const f = e.target.files[0]; e.target.value = ''; if (f) send(f); }} />
      </Field>
      {busy && <p class="muted" role="status">Checking the recording…</p>}
      {ft.verification_attempts_count > 0 && <p class="muted">Attempts: {ft.verification_attempts_count} of {ft.max_verification_attempts ?? '—'}</p>}
      <ErrorNote error={error} />
      <ManualVerification voice={voice} />
    </>
  );
}

function ManualVerification({ voice }) {
  const [files, setFiles] = useState([]);
  const [text, setText] = useState('');
  const [done, setDone] = useState(voice.fine_tuning?.manual_verification_requested);
  const [error, setError] = useState(null);
  async function send(e) {
    e.preventDefault();
    const form = new FormData();
    Array.from(files).forEach((f) => form.append('files', f, f.name));
    if (text.trim()) form.append('extra_text', text.trim());
    try {
      await api.post(`/v1/voices/pvc/${enc(voice.voice_id)}/verification`, form);
      setDone(true);
    } catch (err) { setError(err); }
  }
  return (
    <details>
      <summary>Ask for manual verification instead</summary>
      {done ? <p class="ok" role="status">Manual verification requested.</p> : (
        <form onSubmit={send} aria-label="Manual verification">
          <Field label="Documents" id="pvc-manual-files"><input id="pvc-manual-files" type="file" multiple onChange={(e) => setFiles(e.target.files)} /></Field>
          <Field label="Notes" id="pvc-manual-text"><textarea id="pvc-manual-text" rows="2" value={text} onInput={(e) => setText(e.target.value)} /></Field>
          <button type="submit" class="secondary" disabled={!files.length}>Request manual verification</button>
          <ErrorNote error={error} />
        </form>
      )}
    </details>
  );
}

function TrainStep({ voice, ready, onChange }) {
  const ft = voice.fine_tuning || {};
  const models = Object.keys(ft.state || {});
  const [model, setModel] = useState(models[0] || '');
  const [training, setTraining] = useState(() => models.find((m) => ft.state[m] === 'fine_tuning') || null);
  const [error, setError] = useState(null);
  async function train() {
    setError(null);
    try {
      await api.post(`/v1/voices/pvc/${enc(voice.voice_id)}/train`, { model_id: model });
      setTraining(model);
    } catch (e) { setError(e); }
  }
  const poll = useCallback(async () => {
    const v = await api.get(`/v1/voices/${enc(voice.voice_id)}`);
    const f = v.fine_tuning || {};
    const state = f.state?.[training];
    const p = f.progress?.[training];
    const done = state === 'fine_tuned' || state === 'failed';
    return { done, error: state === 'failed', percent: p == null ? null : Math.round(p * 100), label: `${state}${f.message?.[training] ? `: ${f.message[training]}` : ''}` };
  }, [voice.voice_id, training]);
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption class="muted">Fine-tuning state per model</caption>
          <thead><tr><th scope="col">Model</th><th scope="col">State</th><th scope="col">Progress</th></tr></thead>
          <tbody>
            {models.map((m) => (
              <tr><td>{m}</td><td>{ft.state[m]}</td><td>{ft.progress?.[m] != null ? `${Math.round(ft.progress[m] * 100)}%` : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {!ready && <p class="muted">Add samples and verify the voice first.</p>}
      <div class="row">
        <Field label="Model to train" id="pvc-model">
          <select id="pvc-model" value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => <option value={m}>{m}</option>)}
          </select>
        </Field>
        <button type="button" disabled={!ready || !!training} onClick={train}>Train</button>
      </div>
      {training && <JobProgress poll={poll} onDone={() => { setTraining(null); onChange(); }} />}
      <ErrorNote error={error} />
    </>
  );
}
