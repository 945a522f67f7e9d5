// Realtime speech to text (/v1/speech-to-text/realtime) through the official SDK's client,
// client.speechToText.realtime.connect(...) (@elevenlabs/elevenlabs-js 2.73.0). The server runs its default
// speech-to-text engine, which may be `none`: then the session is refused with a transcriber_error and the tests skip.
// The assertions hold for any engine (the audio is tones, so the words themselves are not checked).
import test from 'node:test';
import assert from 'node:assert/strict';
import { RealtimeEvents, AudioFormat, CommitStrategy } from '@elevenlabs/elevenlabs-js';
import { makeClient } from '../lib/common.mjs';

const RATE = 16000;
const NO_ENGINE = /no speech-to-text engine|is not loaded/;

/** s16le PCM: `seconds` of a 440 Hz tone, or of silence. */
function pcm(seconds, tone = true) {
  const n = Math.round(seconds * RATE);
  const buf = Buffer.alloc(n * 2);
  if (tone) for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE)), i * 2);
  return buf;
}

/** Sends `audio` in 100 ms chunks. */
function stream(connection, audio) {
  const step = (RATE / 10) * 2;
  for (let off = 0; off < audio.length; off += step) connection.send({ audioBase64: audio.subarray(off, off + step).toString('base64') });
}

/** Connects and waits for session_started; null (and the test skipped) when the server has no speech-to-text engine. */
async function connect(t, options = {}) {
  const connection = await makeClient().speechToText.realtime.connect({
    modelId: 'scribe_v2_realtime',
    audioFormat: AudioFormat.PCM_16000,
    sampleRate: RATE,
    ...options,
  });
  const events = [];
  const waiters = [];
  const push = (type) => (data) => {
    events.push({ type, data });
    for (const w of [...waiters]) w();
  };
  for (const type of [RealtimeEvents.SESSION_STARTED, RealtimeEvents.PARTIAL_TRANSCRIPT, RealtimeEvents.COMMITTED_TRANSCRIPT,
    RealtimeEvents.COMMITTED_TRANSCRIPT_WITH_TIMESTAMPS, RealtimeEvents.ERROR, RealtimeEvents.CLOSE]) {
    connection.on(type, push(type));
  }
  /** Resolves with the first event of `type` (or of one of the types) from index `from` on (waits up to 30 s). */
  connection.next = (type, from = 0) => new Promise((resolve, reject) => {
    const types = [type].flat();
    const timer = setTimeout(() => reject(new Error(`no ${types} within 30 s; events: ${JSON.stringify(events)}`)), 30_000);
    const check = () => {
      const i = events.findIndex((e, k) => k >= from && types.includes(e.type));
      if (i >= 0) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve({ ...events[i], index: i });
      }
    };
    waiters.push(check);
    check();
  });
  connection.events = events;
  const first = await connection.next([RealtimeEvents.SESSION_STARTED, RealtimeEvents.ERROR]);
  if (first.type === RealtimeEvents.ERROR) {
    connection.close();
    if (first.data?.message_type === 'transcriber_error' && NO_ENGINE.test(first.data.error)) {
      t.skip(`no speech-to-text engine on the server: ${first.data.error}`);
      return null;
    }
    assert.fail(`session refused: ${JSON.stringify(first.data)}`);
  }
  t.after(() => connection.close());
  return connection;
}

test('realtime: session_started, then a manual commit gives the committed transcript with timestamps', async (t) => {
  const connection = await connect(t, { includeTimestamps: true, languageCode: 'en' });
  if (!connection) return;
  const started = await connection.next(RealtimeEvents.SESSION_STARTED);
  assert.equal(typeof started.data.session_id, 'string');
  assert.equal(started.data.config.sample_rate, RATE);
  assert.equal(started.data.config.audio_format, 'pcm_16000');
  assert.equal(started.data.config.commit_strategy, 'manual');
  assert.equal(started.data.config.include_timestamps, true);

  stream(connection, Buffer.concat([pcm(0.2, false), pcm(0.6), pcm(0.2, false), pcm(0.6), pcm(0.3, false)]));
  connection.commit();
  const committed = await connection.next(RealtimeEvents.COMMITTED_TRANSCRIPT);
  assert.equal(typeof committed.data.text, 'string');
  const timed = await connection.next(RealtimeEvents.COMMITTED_TRANSCRIPT_WITH_TIMESTAMPS);
  assert.equal(timed.data.text, committed.data.text);
  assert.ok(Array.isArray(timed.data.words));
  for (const w of timed.data.words) {
    assert.ok(['word', 'spacing'].includes(w.type), JSON.stringify(w));
    assert.ok(w.start <= w.end && w.end <= 2.0, JSON.stringify(w));
  }
  const partials = connection.events.slice(0, committed.index).filter((e) => e.type === RealtimeEvents.PARTIAL_TRANSCRIPT);
  for (const p of partials) assert.equal(typeof p.data.text, 'string');
});

test('realtime: VAD commits after the configured silence without a commit from the client', async (t) => {
  const connection = await connect(t, { commitStrategy: CommitStrategy.VAD, vadSilenceThresholdSecs: 0.5 });
  if (!connection) return;
  stream(connection, Buffer.concat([pcm(0.2, false), pcm(0.9), pcm(1.0, false)]));
  const committed = await connection.next(RealtimeEvents.COMMITTED_TRANSCRIPT);
  assert.equal(typeof committed.data.text, 'string');
});

test('realtime: a malformed chunk is an input_error and the session stays usable', async (t) => {
  const connection = await connect(t);
  if (!connection) return;
  connection.send({ audioBase64: '***not base64***' });
  const error = await connection.next(RealtimeEvents.ERROR);
  assert.equal(error.data.message_type, 'input_error');
  assert.match(error.data.error, /base64/);
  stream(connection, Buffer.concat([pcm(0.6), pcm(0.2, false)]));
  connection.commit();
  const committed = await connection.next(RealtimeEvents.COMMITTED_TRANSCRIPT, error.index);
  assert.equal(typeof committed.data.text, 'string');
});
