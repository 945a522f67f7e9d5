// "Download as <format>": asks the server for the audio again in the chosen output_format and saves it with the
// matching extension. `fetchAudio(format)` returns the Blob.
import { useState } from 'preact/hooks';
import { download } from '../../api.js';
import { ErrorNote } from '../../components/ui.jsx';
import { OUTPUT_FORMATS, extensionOf } from './formats.js';

export function DownloadFormat({ id, name, fetchAudio, disabled }) {
  const [format, setFormat] = useState('mp3_44100_128');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      download(await fetchAudio(format), `${name}.${extensionOf(format)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="download-format">
      <div class="row">
        <label for={id}>Output format</label>
        <select id={id} value={format} onChange={(e) => setFormat(e.target.value)}>
          {OUTPUT_FORMATS.map((f) => <option value={f.value}>{f.label} ({f.value})</option>)}
        </select>
        <button type="button" class="secondary" disabled={disabled || busy} onClick={save}>{busy ? 'Preparing…' : 'Download'}</button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
