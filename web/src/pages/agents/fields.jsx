// Form fields bound to a path in the agent draft: `ed` is { get(path), set(path, value), id(path) } (builder.jsx).
// Every control has a visible label tied by id.
import { useEffect, useState } from 'preact/hooks';

export function Text({ ed, path, label, hint, type = 'text', multiline, rows, placeholder }) {
  const id = ed.id(path);
  const v = ed.get(path) ?? (type === 'color' ? '#000000' : '');
  const on = (e) => ed.set(path, e.target.value);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline
        ? <textarea id={id} rows={rows} value={v} onInput={on} placeholder={placeholder} />
        : <input id={id} type={type} value={v} onInput={on} placeholder={placeholder} />}
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

/** A number input; empty clears the value (undefined: the server keeps its default). */
export function Num({ ed, path, label, hint, min, max, step = 1 }) {
  const id = ed.id(path);
  const v = ed.get(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="number" inputMode="decimal" min={min} max={max} step={step} value={v ?? ''}
        onInput={(e) => ed.set(path, e.target.value === '' ? undefined : Number(e.target.value))} />
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

export function Check({ ed, path, label, hint }) {
  const id = ed.id(path);
  return (
    <div class="field check">
      <input id={id} type="checkbox" checked={!!ed.get(path)} onChange={(e) => ed.set(path, e.target.checked)} />
      <label for={id}>{label}</label>
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

/** A select of options (strings, or { value, label }); a current value not in the list is kept as an option. */
export function Choice({ ed, path, label, options, hint }) {
  const id = ed.id(path);
  const v = ed.get(path) ?? '';
  const opts = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  if (v !== '' && !opts.some((o) => o.value === v)) opts.unshift({ value: v, label: v });
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={v} onChange={(e) => ed.set(path, e.target.value)}>
        {v === '' && <option value="">—</option>}
        {opts.map((o) => <option value={o.value}>{o.label}</option>)}
      </select>
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

/** A range slider with its value shown. */
export function Range({ ed, path, label, min = 0, max = 1, step = 0.05, fallback = 0 }) {
  const id = ed.id(path);
  const v = ed.get(path) ?? fallback;
  return (
    <div class="field slider">
      <label for={id}>{label} <output for={id}>{Number(v).toFixed(2)}</output></label>
      <input id={id} type="range" min={min} max={max} step={step} value={v} onInput={(e) => ed.set(path, Number(e.target.value))} />
    </div>
  );
}

/**
 * A list edited as one item per line (strings, or objects through toItem/fromItem). The text is kept as typed and
 * committed to the draft on every input; a change of the list from outside (discard, save) resets it.
 */
export function Lines({ ed, path, label, hint, toItem = (s) => s, fromItem = (x) => x }) {
  const id = ed.id(path);
  const list = ed.get(path) || [];
  const outside = list.map(fromItem).join('\n');
  const [text, setText] = useState(outside);
  const parse = (t) => t.split('\n').map((s) => s.trim()).filter(Boolean);
  useEffect(() => { if (parse(text).join('\n') !== outside) setText(outside); }, [outside]);
  function onInput(e) {
    const t = e.target.value;
    setText(t);
    const items = parse(t);
    if (items.join('\n') !== outside) ed.set(path, items.map(toItem));
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={3} value={text} onInput={onInput} />
      {hint && <small class="muted">{hint}</small>}
    </div>
  );
}

/** A collapsible section of the builder (native <details>: keyboard and screen readers know it). */
export function Section({ title, open, children }) {
  return (
    <details class="card builder-section" open={open}>
      <summary><h2>{title}</h2></summary>
      {children}
    </details>
  );
}
