// Text-to-speech WebSockets (stream-input, multi-stream-input) with the `ws` package, as the official AsyncAPI
// describes them; @elevenlabs/elevenlabs-js 2.73.0 has no helper for these sockets.
import test from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { BASE_URL, API_KEY, anyVoiceIds, looksLikeMp3 } from '../lib/common.mjs';

const WS_URL = BASE_URL.replace(/^http/, 'ws');

/** Opens a socket; resolves once open. `headers` default to the API key. */
function open(path, { headers = { 'xi-api-key': API_KEY } } = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(WS_URL + path, { headers });
    const messages = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    ws.closed = new Promise((res) => ws.on('close', (code, reason) => res({ code, reason: reason.toString(), messages })));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}

const send = (ws, message) => ws.send(JSON.stringify(message));
const audioOf = (messages) => Buffer.concat(messages.filter((m) => m.audio).map((m) => Buffer.from(m.audio, 'base64')));
const charsOf = (messages) => messages.map((m) => (m.alignment?.chars || []).join('')).join('');

test('stream-input: text in, mp3 chunks with alignment out, isFinal last, then a normal close', async () => {
  const [voiceId] = await anyVoiceIds();
  const ws = await open(`/v1/text-to-speech/${voiceId}/stream-input?model_id=eleven_multilingual_v2&output_format=mp3_44100_128`);
  send(ws, { text: ' ', voice_settings: { stability: 0.5, similarity_boost: 0.8, speed: 1.0 }, generation_config: { chunk_length_schedule: [120, 160, 250, 290] } });
  send(ws, { text: 'Hello World, this is streamed. ' });
  send(ws, { text: 'Another sentence follows. ', try_trigger_generation: true });
  send(ws, { text: '' });
  const { code, messages } = await ws.closed;
  assert.equal(code, 1000);
  const last = messages.at(-1);
  assert.equal(last.isFinal, true, JSON.stringify(last));
  const chunks = messages.slice(0, -1);
  assert.ok(chunks.length > 0, 'audio messages before the final one');
  for (const m of chunks) {
    assert.equal(typeof m.audio, 'string');
    assert.equal(m.isFinal, null);
    for (const a of [m.alignment, m.normalizedAlignment].filter(Boolean)) {
      assert.equal(a.charStartTimesMs.length, a.chars.length);
      assert.equal(a.charsDurationsMs.length, a.chars.length);
    }
  }
  assert.ok(looksLikeMp3(audioOf(chunks)), 'the audio is MP3');
  assert.equal(charsOf(chunks), 'Hello World, this is streamed. Another sentence follows. ');
});

test('stream-input: the key may come in the first message; a socket without one is closed with 1008', async () => {
  const [voiceId] = await anyVoiceIds();
  const path = `/v1/text-to-speech/${voiceId}/stream-input?output_format=pcm_16000`;
  const ok = await open(path, { headers: {} });
  send(ok, { text: ' ', xi_api_key: API_KEY });
  send(ok, { text: 'Keyed in the message. ', flush: true });
  send(ok, { text: '' });
  const done = await ok.closed;
  assert.equal(done.code, 1000);
  assert.ok(audioOf(done.messages).length > 0);

  const refused = await open(path, { headers: {} });
  send(refused, { text: ' ' });
  const closed = await refused.closed;
  assert.equal(closed.code, 1008);
  assert.equal(closed.messages[0]?.error, 'needs_authorization');

  await assert.rejects(open(path, { headers: { 'xi-api-key': 'sk_wrong' } }), (e) => e.status === 401);
});

test('stream-input: invalid JSON gets an error message and a 1008 close', async () => {
  const [voiceId] = await anyVoiceIds();
  const ws = await open(`/v1/text-to-speech/${voiceId}/stream-input`);
  ws.send('{not json');
  const { code, messages } = await ws.closed;
  assert.equal(code, 1008);
  assert.equal(typeof messages[0]?.message, 'string');
});

test('multi-stream-input: contexts are tagged, flushed and closed independently; close_socket ends all', async () => {
  const [voiceId] = await anyVoiceIds();
  const ws = await open(`/v1/text-to-speech/${voiceId}/multi-stream-input?output_format=pcm_16000`);
  send(ws, { text: ' ', context_id: 'conv_1', voice_settings: { stability: 0.5, similarity_boost: 0.8 } });
  send(ws, { text: 'Hello from conversation one. ', context_id: 'conv_1' });
  send(ws, { text: 'Hi from the second context. ', context_id: 'ctx_2', voice_settings: { stability: 0.2 } });
  send(ws, { context_id: 'conv_1', flush: true });
  send(ws, { context_id: 'ctx_2', close_context: true });
  send(ws, { text: 'Spoken before the socket closes. ', context_id: 'conv_1' });
  send(ws, { close_socket: true });
  const { code, messages } = await ws.closed;
  assert.equal(code, 1000);
  for (const m of messages) assert.ok(['conv_1', 'ctx_2'].includes(m.contextId), JSON.stringify(m).slice(0, 200));
  const one = messages.filter((m) => m.contextId === 'conv_1');
  assert.equal(charsOf(one), 'Hello from conversation one. Spoken before the socket closes. ');
  assert.ok(one.some((m) => m.isFinal === true), 'conv_1 ends with a final message');
  const two = messages.filter((m) => m.contextId === 'ctx_2');
  assert.deepEqual(two.map((m) => m.isFinal), [true], 'ctx_2 was closed before it generated anything');
});
