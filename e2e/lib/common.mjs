// Shared helpers for the e2e tests. Environment (set by e2e/run.sh, or by hand against a running server):
//   BASE_URL             e.g. http://127.0.0.1:8080 (required)
//   ELEVENLABS_API_KEY   a valid key for that server (required)
//   TIMBRE_DATA          the server's data dir (informational)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
export const API_KEY = process.env.ELEVENLABS_API_KEY || '';
if (!BASE_URL) throw new Error('BASE_URL is required (e.g. http://127.0.0.1:8080)');
if (!API_KEY) throw new Error('ELEVENLABS_API_KEY is required (the server\'s API key)');

export const MODEL_ID = 'eleven_multilingual_v2';

export { ElevenLabsClient, ElevenLabsError };

export function makeClient(apiKey = API_KEY) {
  return new ElevenLabsClient({ apiKey, baseUrl: BASE_URL, maxRetries: 0, timeoutInSeconds: 120 });
}

/** A run-unique name, so a test never collides with data left by another run or another test file. */
export function uniqueName(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Reads a web ReadableStream<Uint8Array> (what the SDK returns for binary endpoints) into one Buffer. */
export async function readAll(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/** Raw HTTP against the server, with the API key unless `key: null`. */
export async function raw(path, { method = 'GET', key = API_KEY, headers = {}, body } = {}) {
  const h = { ...headers };
  if (key !== null) h['xi-api-key'] = key;
  return fetch(BASE_URL + path, { method, headers: h, body });
}

export async function rawJson(path, opts) {
  const r = await raw(path, opts);
  const text = await r.text();
  assert.equal(r.status, 200, `${opts?.method || 'GET'} ${path} -> ${r.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Predicate for assert.rejects: an ElevenLabsError with the given status (or status range check function). */
export function apiError(status) {
  return (e) => {
    assert.ok(e instanceof ElevenLabsError, `expected ElevenLabsError, got ${e?.constructor?.name}: ${e?.message}`);
    if (typeof status === 'function') assert.ok(status(e.statusCode), `unexpected status ${e.statusCode}: ${JSON.stringify(e.body)}`);
    else assert.equal(e.statusCode, status, `expected ${status}, got ${e.statusCode}: ${JSON.stringify(e.body)}`);
    return true;
  };
}

/** True for an MP3 stream: an ID3v2 tag or an MPEG audio frame sync (11 set bits) at the start. */
export function looksLikeMp3(buf) {
  if (buf.length < 4) return false;
  if (buf.subarray(0, 3).toString('latin1') === 'ID3') return true;
  return buf[0] === 0xff && (buf[1] & 0xe0) === 0xe0;
}

/** Text-to-speech through the SDK, read to the end. Returns the audio bytes. */
export async function tts(client, voiceId, text, { modelId = MODEL_ID, outputFormat = 'mp3_44100_128' } = {}) {
  return readAll(await client.textToSpeech.convert(voiceId, { text, modelId, outputFormat }));
}

/** The voices the server lists on GET /v1/voices (raw JSON, snake_case). */
export async function listVoicesRaw() {
  return (await rawJson('/v1/voices')).voices;
}

/** A premade voice id (the first one listed), for tests that need any usable voice. */
export async function anyVoiceIds(n = 1) {
  const voices = await listVoicesRaw();
  const premade = voices.filter((v) => v.category === 'premade');
  const pool = premade.length >= n ? premade : voices;
  assert.ok(pool.length >= 1, 'the server lists no voices on GET /v1/voices');
  return pool.slice(0, n).map((v) => v.voice_id);
}

/**
 * A deterministic, speech-like 16-bit mono PCM WAV: syllables of a voiced source (gliding f0 with harmonics shaped by
 * two formant-like peaks) under an amplitude envelope, separated by short pauses with faint noise. `seed` varies it,
 * so two files made with different seeds differ byte-wise.
 */
export function makeSpeechLikeWav({ seconds = 3, sampleRate = 16000, seed = 1 } = {}) {
  let s = seed >>> 0 || 1;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
  const n = Math.round(seconds * sampleRate);
  const pcm = new Int16Array(n);
  let i = 0;
  while (i < n) {
    const syl = Math.round((0.12 + rnd() * 0.16) * sampleRate);
    const pause = Math.round((0.04 + rnd() * 0.08) * sampleRate);
    const f0a = 100 + rnd() * 80, f0b = f0a * (0.85 + rnd() * 0.3);
    const F1 = 300 + rnd() * 500, F2 = 900 + rnd() * 1400;
    let phase = 0;
    for (let k = 0; k < syl && i < n; k++, i++) {
      const t = k / syl;
      const f0 = f0a + (f0b - f0a) * t;
      phase += (2 * Math.PI * f0) / sampleRate;
      let v = 0;
      for (let h = 1; h * f0 < sampleRate / 2 && h <= 30; h++) {
        const f = h * f0;
        const g = Math.exp(-(((f - F1) / 120) ** 2)) + 0.6 * Math.exp(-(((f - F2) / 180) ** 2)) + 0.05 / h;
        v += g * Math.sin(h * phase);
      }
      const env = Math.sin(Math.PI * t) ** 0.6;
      pcm[i] = Math.max(-32767, Math.min(32767, Math.round(v * env * 6000 + (rnd() - 0.5) * 200)));
    }
    for (let k = 0; k < pause && i < n; k++, i++) pcm[i] = Math.round((rnd() - 0.5) * 120);
  }
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1'); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1'); h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22);
  h.writeUInt32LE(sampleRate, 24); h.writeUInt32LE(sampleRate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1'); h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Near-equality for floats that went through JSON and a database. */
export function assertClose(actual, expected, msg) {
  assert.equal(typeof actual, 'number', `${msg}: expected a number, got ${JSON.stringify(actual)}`);
  assert.ok(Math.abs(actual - expected) < 1e-6, `${msg}: ${actual} != ${expected}`);
}

/**
 * Collects incoming socket events in arrival order. `push(e)` adds one; `next(pred, from, waitMs)` resolves with the
 * first event at index ≥ `from` (past or future) matching `pred`, or rejects after `waitMs` (never with Infinity) listing what came.
 */
export function eventLog(defaultWaitMs = 20000) {
  const events = [];
  const waiters = [];
  return {
    events,
    push(e) {
      events.push(e);
      for (const w of waiters.splice(0)) {
        if (!w.done && w.pred(e)) { w.done = true; clearTimeout(w.timer); w.resolve(e); } else if (!w.done) waiters.push(w);
      }
    },
    next(pred, from = 0, waitMs = defaultWaitMs) {
      const found = events.slice(from).find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve, done: false };
        waiters.push(w);
        if (waitMs === Infinity) return;
        w.timer = setTimeout(() => { if (!w.done) { w.done = true; reject(new Error('timed out waiting; got ' + JSON.stringify(events.slice(from).map((x) => x.type)))); } }, waitMs);
      });
    },
  };
}

/** Word error rate of `hypothesis` against `reference`: word-level edit distance over the reference's word count. */
export function wordErrorRate(reference, hypothesis) {
  const words = (t) => t.toLowerCase().replace(/[^a-z0-9' ]/g, ' ').split(/\s+/).filter(Boolean);
  const r = words(reference), h = words(hypothesis);
  let prev = Array.from({ length: h.length + 1 }, (_, j) => j);
  for (let i = 1; i <= r.length; i++) {
    const row = [i];
    for (let j = 1; j <= h.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1));
    prev = row;
  }
  return r.length === 0 ? (h.length === 0 ? 0 : 1) : prev[h.length] / r.length;
}

/** A WAV file around 16-bit mono PCM at `rate` Hz. */
export function wavOf(pcm, rate) {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1'); h.writeUInt32LE(36 + pcm.length, 4); h.write('WAVE', 8, 'latin1'); h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write('data', 36, 'latin1'); h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}
