// Voice design: POST /v1/text-to-voice/design (or …/{voice_id}/remix for an existing voice) gives three previews
// (their audio inline as base64), the user picks one and names it → POST /v1/text-to-voice saves it as a voice.
import { useMemo, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { ErrorNote, Field, Select, Slider, useAsync, useObjectUrl } from '../../components/ui.jsx';
import { base64Blob } from './common.jsx';

const MODELS = [
  { value: 'eleven_multilingual_ttv_v2', label: 'Multilingual v2 (eleven_multilingual_ttv_v2)' },
  { value: 'eleven_ttv_v3', label: 'v3 (eleven_ttv_v3)' },
];

export function Design() {
  const [mode, setMode] = useState('design');
  const [remixOf, setRemixOf] = useState('');
  const [description, setDescription] = useState('');
  const [auto, setAuto] = useState(true);
  const [text, setText] = useState('');
  const [model, setModel] = useState(MODELS[0].value);
  const [loudness, setLoudness] = useState(0.5);
  const [guidance, setGuidance] = useState(5);
  const [strength, setStrength] = useState(0.5);
  const [seed, setSeed] = useState('');
  const [result, setResult] = useState(null);
  const [chosen, setChosen] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const own = useAsync(() => (mode === 'remix' ? api.get('/v2/voices', { voice_type: 'personal', page_size: 100, sort: 'name' }) : null), [mode]);

  async function generate(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    setChosen(null);
    const body = { voice_description: description.trim(), loudness, guidance_scale: guidance };
    if (auto) body.auto_generate_text = true; else body.text = text;
    if (seed !== '') body.seed = Number(seed);
    try {
      if (mode === 'remix') {
        body.prompt_strength = strength;
        setResult(await api.post(`/v1/text-to-voice/${encodeURIComponent(remixOf)}/remix`, body));
      } else {
        body.model_id = model;
        setResult(await api.post('/v1/text-to-voice/design', body));
      }
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  const descOk = description.trim().length >= 20;
  const textOk = auto || (text.trim().length >= 100 && text.length <= 1000);
  return (
    <div class="design">
      <form class="card" onSubmit={generate} aria-label="Design a voice">
        <h2>Voice design</h2>
        <fieldset class="row">
          <legend>Start from</legend>
          <label class="check"><input type="radio" name="design-mode" checked={mode === 'design'} onChange={() => setMode('design')} /> A description</label>
          <label class="check"><input type="radio" name="design-mode" checked={mode === 'remix'} onChange={() => setMode('remix')} /> Remix one of my voices</label>
        </fieldset>
        {mode === 'remix' && (
          <Field label="Voice to remix" id="design-remix-of">
            <select id="design-remix-of" required value={remixOf} onChange={(e) => setRemixOf(e.target.value)}>
              <option value="">Choose a voice…</option>
              {(own.data?.voices || []).map((v) => <option value={v.voice_id}>{v.name} ({v.category})</option>)}
            </select>
          </Field>
        )}
        <Field label={mode === 'remix' ? 'What to change' : 'Voice description'} id="design-description" hint="20 to 1000 characters, e.g. “A calm older man with a deep voice and a British accent”.">
          <textarea id="design-description" rows="3" minLength={20} maxLength={1000} required value={description} onInput={(e) => setDescription(e.target.value)} />
        </Field>
        <label class="check"><input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> Write the preview text for me</label>
        {!auto && (
          <Field label="Preview text" id="design-text" hint={`100 to 1000 characters (${text.length} now).`}>
            <textarea id="design-text" rows="3" maxLength={1000} value={text} onInput={(e) => setText(e.target.value)} />
          </Field>
        )}
        <details>
          <summary>Options</summary>
          {mode === 'design' && <Select label="Model" id="design-model" value={model} options={MODELS} onChange={setModel} />}
          <Slider label="Loudness" id="design-loudness" min={-1} max={1} value={loudness} onChange={setLoudness} />
          <Slider label="Guidance scale" id="design-guidance" min={0} max={100} step={1} value={guidance} onChange={setGuidance} />
          {mode === 'remix' && <Slider label="Prompt strength" id="design-strength" value={strength} onChange={setStrength} />}
          <Field label="Seed (optional)" id="design-seed">
            <input id="design-seed" type="number" min="0" max="2147483647" value={seed} onInput={(e) => setSeed(e.target.value)} />
          </Field>
        </details>
        <button type="submit" disabled={busy || !descOk || !textOk || (mode === 'remix' && !remixOf)}>
          {busy ? 'Generating…' : 'Generate previews'}
        </button>
        <ErrorNote error={error} />
      </form>
      {result && (
        <Previews result={result} chosen={chosen} onChoose={setChosen} description={description.trim()} />
      )}
    </div>
  );
}

function Previews({ result, chosen, onChoose, description }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  async function save(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const v = await api.post('/v1/text-to-voice', {
        voice_name: name.trim(), voice_description: description, generated_voice_id: chosen,
        played_not_selected_voice_ids: result.previews.map((p) => p.generated_voice_id).filter((id) => id !== chosen),
      });
      navigate('voices', v.voice_id);
    } catch (err) { setError(err); setBusy(false); }
  }
  return (
    <form class="card" onSubmit={save} aria-label="Previews">
      <h2>Previews</h2>
      {result.text && <p class="muted">“{result.text}”</p>}
      <fieldset>
        <legend>Pick a preview</legend>
        <ol class="plain previews">
          {result.previews.map((p, i) => (
            <PreviewRow key={p.generated_voice_id} preview={p} n={i + 1} checked={chosen === p.generated_voice_id} onChoose={onChoose} />
          ))}
        </ol>
      </fieldset>
      <Field label="Voice name" id="design-name">
        <input id="design-name" required maxLength={200} value={name} onInput={(e) => setName(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !chosen || !name.trim()}>{busy ? 'Saving…' : 'Save voice'}</button>
      <ErrorNote error={error} />
    </form>
  );
}

function PreviewRow({ preview, n, checked, onChoose }) {
  const blob = useMemo(() => (preview.audio_base_64 ? base64Blob(preview.audio_base_64, preview.media_type || 'audio/mpeg') : null),
    [preview.generated_voice_id]);
  const objectUrl = useObjectUrl(blob);
  const src = objectUrl; // streamed previews (no inline audio) are not requested by this page
  return (
    <li class="row preview-row">
      <label class="check">
        <input type="radio" name="design-preview" checked={checked} onChange={() => onChoose(preview.generated_voice_id)} /> Preview {n}
      </label>
      {src && <audio controls src={src} aria-label={`Preview ${n} audio`} />}
      <span class="muted">{preview.duration_secs.toFixed(1)} s</span>
    </li>
  );
}
