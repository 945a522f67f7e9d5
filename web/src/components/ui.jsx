// Small shared controls. Every input has a visible <label>; errors are announced (role="alert").
import { useEffect, useRef, useState } from 'preact/hooks';

/** An error (Error, string or null) shown as an alert; nothing when null. */
export function ErrorNote({ error }) {
  if (!error) return null;
  return <p class="error" role="alert">{typeof error === 'string' ? error : error.message}</p>;
}

/** A labelled field around one control: <Field label="Text" id="tts-text"><textarea id="tts-text" …/></Field>. */
export function Field({ label, id, hint, children }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

/** A labelled range slider with its value shown. */
export function Slider({ label, id, value, min = 0, max = 1, step = 0.05, onChange }) {
  return (
    <div class="field slider">
      <label for={id}>{label} <output for={id}>{Number(value).toFixed(2)}</output></label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} onInput={(e) => onChange(Number(e.target.value))} />
    </div>
  );
}

/** A labelled <select> of { value, label } options. */
export function Select({ label, id, value, options, onChange }) {
  return (
    <Field label={label} id={id}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}

/** A Blob's object URL for as long as the component shows it (revoked when the blob changes or it unmounts); null for none. */
export function useObjectUrl(blob) {
  const [url, setUrl] = useState(null);
  useEffect(() => {
    if (!blob) { setUrl(null); return undefined; }
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return url;
}

/**
 * Runs an async function once per change of `deps`: { data, error, loading, reload }. A result that arrives after
 * the component is gone or deps changed is dropped.
 */
export function useAsync(fn, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.resolve().then(fn).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/**
 * Progress of a long job: polls `poll()` every `intervalMs` until it returns { done: true }. `poll` returns
 * { percent (0–100 or null), label, done, error }. Shows a <progress> with the label.
 */
export function JobProgress({ poll, intervalMs = 1000, onDone }) {
  const [state, setState] = useState({ percent: null, label: 'Starting…', done: false });
  const doneRef = useRef(onDone);
  doneRef.current = onDone;
  useEffect(() => {
    let live = true;
    let timer;
    const step = async () => {
      try {
        const s = await poll();
        if (!live) return;
        setState(s);
        if (s.done) { doneRef.current && doneRef.current(s); return; }
      } catch (e) {
        if (!live) return;
        setState({ percent: null, label: e.message, done: true, error: true });
        return;
      }
      timer = setTimeout(step, intervalMs);
    };
    step();
    return () => { live = false; clearTimeout(timer); };
  }, [poll]);
  return (
    <div class="job-progress" role="status" aria-live="polite">
      <progress max="100" value={state.percent ?? undefined} aria-label={state.label} />
      <span class={state.error ? 'error' : 'muted'}>{state.label}</span>
    </div>
  );
}

/** Formats seconds as m:ss.t */
export function clock(seconds) {
  const s = Math.max(0, seconds || 0);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, '0')}`;
}
