// Pieces the Voices screens share: an audio player for keyed URLs, the labels editor, the "Try it" box.
import { useEffect, useState } from 'preact/hooks';
import { api, request } from '../../api.js';
import { ErrorNote, Field, useObjectUrl } from '../../components/ui.jsx';

/** The categories GET /v2/voices filters on. */
export const CATEGORIES = ['premade', 'cloned', 'generated', 'professional'];

/**
 * An <audio controls> for a server path that needs the key (an <audio src> cannot send the header): the audio is
 * fetched as a Blob when this mounts (render it after a click) and played from an object URL; `autoPlay` starts it.
 */
export function KeyedAudio({ path, label, autoPlay = false }) {
  const [blob, setBlob] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    setBlob(null);
    setError(null);
    request('GET', path).then((r) => r.blob()).then((b) => live && setBlob(b), (e) => live && setError(e));
    return () => { live = false; };
  }, [path]);
  const url = useObjectUrl(blob);
  if (error) return <ErrorNote error={error} />;
  if (!url) return <span class="muted">Loading audio…</span>;
  return <audio controls src={url} autoPlay={autoPlay} aria-label={label} />;
}

/** Base64 audio (design previews, PVC samples) as a Blob. */
export function base64Blob(b64, type) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Edits a { key: value } map as rows of two inputs; `idPrefix` keeps the ids unique on the page. */
export function LabelsEditor({ labels, onChange, idPrefix }) {
  const rows = Object.entries(labels);
  const set = (i, k, v) => {
    const next = rows.map((r, j) => (j === i ? [k, v] : r));
    onChange(Object.fromEntries(next));
  };
  return (
    <fieldset class="labels-editor">
      <legend>Labels</legend>
      {rows.map(([k, v], i) => (
        <div class="row" key={i}>
          <input aria-label={`Label ${i + 1} name`} value={k} onInput={(e) => set(i, e.target.value, v)} />
          <input aria-label={`Label ${i + 1} value`} value={v} onInput={(e) => set(i, k, e.target.value)} />
          <button type="button" class="secondary" aria-label={`Remove label ${k || i + 1}`}
            onClick={() => onChange(Object.fromEntries(rows.filter((_, j) => j !== i)))}>✕</button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange({ ...labels, [uniqueKey(labels)]: '' })}
        id={`${idPrefix}-add-label`}>Add label</button>
    </fieldset>
  );
}

function uniqueKey(labels) {
  let n = Object.keys(labels).length + 1;
  while (`label${n}` in labels) n++;
  return `label${n}`;
}

/** Labels without empty names, for the API. */
export function cleanLabels(labels) {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k.trim(), v.trim()]).filter(([k]) => k));
}

/** "Try it": speaks a sentence with `voiceId` through POST /v1/text-to-speech/{voice_id} and plays it. */
export function TryIt({ voiceId, idPrefix = 'try' }) {
  const [text, setText] = useState('Hello! This is how I sound. Nice to meet you.');
  const [blob, setBlob] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const url = useObjectUrl(blob);
  async function speak(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setBlob(await api.blob('POST', `/v1/text-to-speech/${encodeURIComponent(voiceId)}`, { text }, { output_format: 'mp3_44100_128' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card try-it" onSubmit={speak} aria-label="Try it">
      <h2>Try it</h2>
      <Field label="Text to speak" id={`${idPrefix}-text`}>
        <textarea id={`${idPrefix}-text`} rows="2" maxLength={1000} value={text} onInput={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !text.trim()}>{busy ? 'Speaking…' : 'Speak'}</button>
      {url && <audio controls autoPlay src={url} aria-label="Try it audio" />}
      <ErrorNote error={error} />
    </form>
  );
}

