// Instant voice cloning: audio files and/or microphone recordings, name, description, labels and
// remove_background_noise → POST /v1/voices/add (multipart, `files` repeated) → the new voice opens.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, Field, useObjectUrl } from '../../components/ui.jsx';
import { LabelsEditor, cleanLabels } from './common.jsx';
import { Recorder } from './recorder.jsx';

export function Clone() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState({});
  const [files, setFiles] = useState([]);
  const [denoise, setDenoise] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  function addFiles(list) { setFiles((f) => [...f, ...Array.from(list)]); }

  async function submit(e) {
    e.preventDefault();
    if (!files.length) { setError('Add at least one audio file or recording.'); return; }
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('name', name.trim());
    if (description.trim()) form.append('description', description.trim());
    const l = cleanLabels(labels);
    if (Object.keys(l).length) form.append('labels', JSON.stringify(l));
    form.append('remove_background_noise', String(denoise));
    files.forEach((f) => form.append('files', f, f.name));
    try {
      const r = await api.post('/v1/voices/add', form);
      navigate('voices', r.voice_id);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form class="card clone-form" onSubmit={submit} aria-label="Instant voice clone">
      <h2>Instant voice clone</h2>
      <p class="muted">A voice from a minute or more of clean speech: upload files, record with the microphone, or both.</p>
      <Field label="Name" id="clone-name"><input id="clone-name" required maxLength={200} value={name} onInput={(e) => setName(e.target.value)} /></Field>
      <Field label="Description" id="clone-description">
        <textarea id="clone-description" rows="2" maxLength={2000} value={description} onInput={(e) => setDescription(e.target.value)} />
      </Field>
      <Field label="Audio files" id="clone-files" hint="WAV, MP3, FLAC or Ogg Opus; several files are fine.">
        <input id="clone-files" type="file" accept="audio/*" multiple onChange={(e) => { addFiles(e.target.files); e.target.value = ''; }} />
      </Field>
      <Recorder name={`recording-${files.length + 1}`} onRecorded={(f) => addFiles([f])} />
      {files.length > 0 && (
        <ul class="plain file-list" aria-label="Samples to upload">
          {files.map((f, i) => <FileRow key={i} file={f} onRemove={() => setFiles(files.filter((_, j) => j !== i))} />)}
        </ul>
      )}
      <LabelsEditor labels={labels} onChange={setLabels} idPrefix="clone" />
      <label class="check"><input type="checkbox" checked={denoise} onChange={(e) => setDenoise(e.target.checked)} /> Remove background noise</label>
      <button type="submit" disabled={busy || !name.trim()}>{busy ? 'Cloning…' : 'Create voice'}</button>
      {busy && <p class="muted" role="status">Cloning the voice; this can take a little while.</p>}
      <ErrorNote error={error} />
    </form>
  );
}

function FileRow({ file, onRemove }) {
  const url = useObjectUrl(file);
  return (
    <li>
      <span>{file.name} <span class="muted">({Math.round(file.size / 1024)} KB)</span></span>
      {url && <audio controls src={url} aria-label={`Listen to ${file.name}`} />}
      <button type="button" class="secondary" aria-label={`Remove ${file.name}`} onClick={onRemove}>Remove</button>
    </li>
  );
}
