// Timbre's public API as the web app calls it: same origin, the user's key in the xi-api-key header. The key is
// entered once and kept in sessionStorage (gone when the tab closes). Errors come back as ApiError with the
// server's message (ElevenLabs shapes: {"detail":{"status","message"}} or 422 {"detail":[{"loc","msg","type"}]}).
const KEY = 'timbre.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: (k) => sessionStorage.setItem(KEY, k),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

function messageOf(status, body) {
  const d = body && body.detail;
  if (typeof d === 'string') return d;
  if (Array.isArray(d)) return d.map((e) => `${(e.loc || []).join('.')}: ${e.msg}`).join('; ');
  if (d && d.message) return d.message;
  return `HTTP ${status}`;
}

/**
 * fetch() against the server with the key. `body`: a plain object is sent as JSON, FormData/Blob as is.
 * Returns the Response (ok) or throws ApiError. Use json()/blob() below for the common cases.
 */
export async function request(method, path, { body, query, headers = {}, signal } = {}) {
  const url = new URL(path, location.origin);
  if (query) for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  const h = { ...headers };
  const key = apiKey.get();
  if (key) h['xi-api-key'] = key;
  let payload = body;
  if (body && !(body instanceof FormData) && !(body instanceof Blob) && typeof body === 'object') {
    h['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const r = await fetch(url, { method, headers: h, body: payload, signal });
  if (!r.ok) {
    let parsed = null;
    try { parsed = await r.json(); } catch { /* not JSON */ }
    throw new ApiError(r.status, messageOf(r.status, parsed), parsed);
  }
  return r;
}

export const api = {
  get: async (path, query) => (await request('GET', path, { query })).json(),
  post: async (path, body, query) => (await request('POST', path, { body, query })).json(),
  patch: async (path, body) => (await request('PATCH', path, { body })).json(),
  del: async (path) => { const r = await request('DELETE', path); return r.status === 204 ? null : r.json().catch(() => null); },
  blob: async (method, path, body, query) => (await request(method, path, { body, query })).blob(),
};

/** The WebSocket URL of a server path (ws: or wss: like the page), with query parameters. */
export function socketUrl(path, query = {}) {
  const url = new URL(path, location.origin);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, v);
  return url.toString();
}

/** Saves a Blob as a file through a temporary link. */
export function download(blob, filename) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
