// Small helpers for the agent builder: read/write a nested path in a JSON draft, and the PATCH body of what changed.

/** The value at `path` ('a.b.c' or ['a','b']) in `obj`, or undefined. */
export function getIn(obj, path) {
  const parts = Array.isArray(path) ? path : path.split('.');
  let v = obj;
  for (const p of parts) { if (v == null) return undefined; v = v[p]; }
  return v;
}

/** A copy of `obj` with `value` at `path` (objects along the path are copied, missing ones created). */
export function setIn(obj, path, value) {
  const parts = Array.isArray(path) ? path : path.split('.');
  const [head, ...tail] = parts;
  const base = obj && typeof obj === 'object' && !Array.isArray(obj) ? obj : {};
  return { ...base, [head]: tail.length ? setIn(base[head], tail, value) : value };
}

const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

/**
 * What `after` changes in `before`, as a PATCH body: nested objects merge (the server deep-merges), arrays and
 * scalars are sent whole when they differ, keys removed in `after` are sent as null. Undefined when nothing changed.
 */
export function diff(before, after) {
  if (deepEqual(before, after)) return undefined;
  if (!isPlain(before) || !isPlain(after)) return after === undefined ? null : after;
  const out = {};
  for (const k of Object.keys(after)) {
    const d = diff(before[k], after[k]);
    if (d !== undefined) out[k] = d;
  }
  for (const k of Object.keys(before)) if (!(k in after)) out[k] = null;
  return Object.keys(out).length ? out : undefined;
}

/** "3 s ago"-style time of a unix timestamp (seconds) as a local date and time. */
export function when(unixSecs) {
  if (!unixSecs) return '—';
  return new Date(unixSecs * 1000).toLocaleString();
}

/** Seconds as m:ss. */
export function duration(secs) {
  const s = Math.round(secs || 0);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
