// One voice: GET /v1/voices/{id}; its samples (played on demand through the keyed audio URL), its settings
// (POST …/settings/edit), name/description/labels (POST …/edit, multipart), delete (not for premade), "Try it".
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, Field, Slider, useAsync } from '../../components/ui.jsx';
import { KeyedAudio, LabelsEditor, TryIt, cleanLabels } from './common.jsx';

export function VoiceDetail({ voiceId }) {
  const { data: voice, error, loading, reload } = useAsync(() => api.get(`/v1/voices/${encodeURIComponent(voiceId)}`), [voiceId]);
  if (loading && !voice) return <p class="muted" role="status">Loading…</p>;
  if (error) return <><ErrorNote error={error} /><a href="#/voices">Back to the library</a></>;
  return (
    <section aria-label={`Voice ${voice.name}`} key={voice.voice_id}>
      <p><a href="#/voices">← Library</a></p>
      <h2>{voice.name} <span class="badge">{voice.category}</span></h2>
      {voice.description && <p>{voice.description}</p>}
      <p class="muted small">ID <code>{voice.voice_id}</code></p>
      {voice.category === 'professional' && (
        <p><a href={`#/voices/pvc/${encodeURIComponent(voice.voice_id)}`}>Professional cloning steps for this voice</a></p>
      )}
      <div class="grid two">
        <div>
          <TryIt voiceId={voice.voice_id} idPrefix="detail-try" />
          <Samples voice={voice} />
          {voice.preview_url && (
            <div class="card"><h3>Preview</h3><audio controls src={voice.preview_url} aria-label={`Preview of ${voice.name}`} /></div>
          )}
        </div>
        <div>
          <Settings voice={voice} />
          {voice.category !== 'premade' && <EditVoice voice={voice} onSaved={reload} />}
          {voice.category !== 'premade' && <DeleteVoice voice={voice} />}
        </div>
      </div>
    </section>
  );
}

function Samples({ voice }) {
  const [open, setOpen] = useState({});
  const samples = voice.samples || [];
  if (!samples.length) return null;
  return (
    <div class="card">
      <h3>Samples</h3>
      <ul class="plain">
        {samples.map((s) => (
          <li key={s.sample_id}>
            <span>{s.file_name} <span class="muted">({(s.duration_secs ?? 0).toFixed(1)} s)</span></span>{' '}
            {open[s.sample_id]
              ? <KeyedAudio path={`/v1/voices/${voice.voice_id}/samples/${s.sample_id}/audio`} label={`Sample ${s.file_name}`} autoPlay />
              : <button class="secondary" onClick={() => setOpen({ ...open, [s.sample_id]: true })} aria-label={`Play sample ${s.file_name}`}>▶ Play</button>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Settings({ voice }) {
  const [s, setS] = useState(voice.settings || { stability: 0.5, similarity_boost: 0.75, style: 0, speed: 1, use_speaker_boost: true });
  const [status, setStatus] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => setStatus(null), [s]);
  async function save(e) {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/v1/voices/${voice.voice_id}/settings/edit`, s);
      setStatus('Settings saved.');
    } catch (err) { setError(err); }
  }
  const set = (k) => (v) => setS({ ...s, [k]: v });
  return (
    <form class="card" onSubmit={save} aria-label="Voice settings">
      <h3>Settings</h3>
      <Slider label="Stability" id="vs-stability" value={s.stability ?? 0.5} onChange={set('stability')} />
      <Slider label="Similarity" id="vs-similarity" value={s.similarity_boost ?? 0.75} onChange={set('similarity_boost')} />
      <Slider label="Style" id="vs-style" value={s.style ?? 0} onChange={set('style')} />
      <Slider label="Speed" id="vs-speed" min={0.7} max={1.2} step={0.01} value={s.speed ?? 1} onChange={set('speed')} />
      <label class="check"><input type="checkbox" checked={!!s.use_speaker_boost} onChange={(e) => set('use_speaker_boost')(e.target.checked)} /> Speaker boost</label>
      <button type="submit">Save settings</button>
      {status && <p class="ok" role="status">{status}</p>}
      <ErrorNote error={error} />
    </form>
  );
}

function EditVoice({ voice, onSaved }) {
  const [name, setName] = useState(voice.name);
  const [description, setDescription] = useState(voice.description || '');
  const [labels, setLabels] = useState(voice.labels || {});
  const [status, setStatus] = useState(null);
  const [error, setError] = useState(null);
  async function save(e) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    const form = new FormData();
    form.append('name', name.trim());
    form.append('description', description);
    form.append('labels', JSON.stringify(cleanLabels(labels)));
    try {
      await api.post(`/v1/voices/${voice.voice_id}/edit`, form);
      setStatus('Saved.');
      onSaved();
    } catch (err) { setError(err); }
  }
  return (
    <form class="card" onSubmit={save} aria-label="Edit voice">
      <h3>Edit</h3>
      <Field label="Name" id="edit-name"><input id="edit-name" required maxLength={200} value={name} onInput={(e) => setName(e.target.value)} /></Field>
      <Field label="Description" id="edit-description">
        <textarea id="edit-description" rows="2" maxLength={2000} value={description} onInput={(e) => setDescription(e.target.value)} />
      </Field>
      <LabelsEditor labels={labels} onChange={setLabels} idPrefix="edit" />
      <button type="submit" disabled={!name.trim()}>Save</button>
      {status && <p class="ok" role="status">{status}</p>}
      <ErrorNote error={error} />
    </form>
  );
}

function DeleteVoice({ voice }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState(null);
  async function remove() {
    try {
      await api.del(`/v1/voices/${voice.voice_id}`);
      navigate('voices');
    } catch (e) { setError(e); }
  }
  return (
    <div class="card">
      {confirming
        ? <p role="alert">Delete “{voice.name}” for good?{' '}
            <button class="danger" onClick={remove}>Yes, delete</button>{' '}
            <button class="secondary" onClick={() => setConfirming(false)}>Cancel</button></p>
        : <button class="danger" onClick={() => setConfirming(true)}>Delete voice</button>}
      <ErrorNote error={error} />
    </div>
  );
}
