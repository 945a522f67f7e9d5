// OpenAI-compatible POST /v1/audio/speech. The openai npm package is not a dependency, so each request is built as the
// OpenAI SDK (openai-node v4/v5) sends it: base URL + '/v1' + '/audio/speech', Authorization: Bearer, a JSON body,
// Accept: application/octet-stream and the SDK's X-Stainless headers; errors are parsed from {"error":{...}}.
import test from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, API_KEY, looksLikeMp3, rawJson } from '../lib/common.mjs';

const OPENAI_BASE = BASE_URL + '/v1';

/** client.audio.speech.create(body) as the SDK sends it; returns the fetch Response. */
function createSpeech(body, { apiKey = API_KEY } = {}) {
  return fetch(OPENAI_BASE + '/audio/speech', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
      Accept: 'application/octet-stream',
      'User-Agent': 'OpenAI/JS 4.104.0',
      'X-Stainless-Lang': 'js',
      'X-Stainless-Package-Version': '4.104.0',
      'X-Stainless-Retry-Count': '0',
    },
    body: JSON.stringify(body),
  });
}

/** The SDK's APIError view of a failed response: status plus the parsed `error` object. */
async function apiError(r) {
  const body = await r.json();
  assert.equal(typeof body.error, 'object', `OpenAI error body expected, got ${JSON.stringify(body)}`);
  assert.equal(typeof body.error.message, 'string');
  assert.equal(typeof body.error.type, 'string');
  assert.ok('param' in body.error && 'code' in body.error, JSON.stringify(body));
  return { status: r.status, ...body.error };
}

const TEXT = 'Hello from an OpenAI client.';

test('audio.speech.create with tts-1 and alloy returns streamed MP3', async () => {
  const r = await createSpeech({ model: 'tts-1', input: TEXT, voice: 'alloy' });
  assert.equal(r.status, 200, await r.clone().text());
  assert.equal(r.headers.get('content-type'), 'audio/mpeg');
  const audio = Buffer.from(await r.arrayBuffer());
  assert.ok(audio.length > 1000 && looksLikeMp3(audio), `mp3 expected, ${audio.length} bytes`);
});

test('response formats: opus is Ogg, wav is 24 kHz RIFF, pcm is 24 kHz s16le', async () => {
  const opus = await createSpeech({ model: 'gpt-4o-mini-tts', input: TEXT, voice: 'nova', response_format: 'opus', instructions: 'Calm.' });
  assert.equal(opus.status, 200);
  assert.equal(opus.headers.get('content-type'), 'audio/ogg');
  assert.equal(Buffer.from(await opus.arrayBuffer()).subarray(0, 4).toString('latin1'), 'OggS');

  const wav = await createSpeech({ model: 'tts-1-hd', input: TEXT, voice: 'echo', response_format: 'wav' });
  assert.equal(wav.status, 200);
  assert.equal(wav.headers.get('content-type'), 'audio/wav');
  const w = Buffer.from(await wav.arrayBuffer());
  assert.equal(w.subarray(0, 4).toString('latin1'), 'RIFF');
  assert.equal(w.readUInt32LE(24), 24000, 'WAV sample rate');

  const pcm = await createSpeech({ model: 'tts-1', input: TEXT, voice: 'echo', response_format: 'pcm' });
  assert.equal(pcm.status, 200);
  assert.equal(pcm.headers.get('content-type'), 'audio/pcm');
  const p = Buffer.from(await pcm.arrayBuffer());
  assert.equal(p.length % 2, 0);
  assert.ok(Math.abs(p.length - (w.length - 44)) <= 4800, `pcm ${p.length} bytes vs wav data ${w.length - 44}`);
});

test('every OpenAI voice name works; speed 2 is shorter than speed 1', async () => {
  for (const voice of ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse']) {
    const r = await createSpeech({ model: 'tts-1', input: 'Hi.', voice, response_format: 'pcm' });
    assert.equal(r.status, 200, `${voice}: ${await r.clone().text()}`);
    await r.arrayBuffer();
  }
  const normal = (await (await createSpeech({ model: 'tts-1', input: TEXT, voice: 'onyx', response_format: 'pcm' })).arrayBuffer()).byteLength;
  const fast = (await (await createSpeech({ model: 'tts-1', input: TEXT, voice: 'onyx', response_format: 'pcm', speed: 2.0 })).arrayBuffer()).byteLength;
  assert.ok(fast < normal * 0.8, `speed 2: ${fast} bytes, speed 1: ${normal} bytes`);
});

test('a Timbre voice id and an ElevenLabs model id are accepted, and the request lands in history', async () => {
  const voices = (await rawJson('/v1/voices')).voices.filter((v) => v.category === 'premade');
  const r = await createSpeech({ model: 'eleven_multilingual_v2', input: TEXT, voice: voices[0].voice_id });
  assert.equal(r.status, 200, await r.clone().text());
  await r.arrayBuffer();
  const item = await rawJson('/v1/history/' + r.headers.get('history-item-id'));
  assert.equal(item.text, TEXT);
  assert.equal(item.voice_id, voices[0].voice_id);
});

test('errors have the OpenAI shape: 401 wrong key, 400 bad fields, 404 unknown voice', async () => {
  const auth = await apiError(await createSpeech({ model: 'tts-1', input: TEXT, voice: 'alloy' }, { apiKey: 'sk-wrong' }));
  assert.equal(auth.status, 401);
  const cases = [
    [{ model: 'tts-1', voice: 'alloy' }, 400, 'input'],
    [{ model: 'tts-1', input: 'x'.repeat(4097), voice: 'alloy' }, 400, 'input'],
    [{ model: 'tts-1', input: TEXT, voice: 'no-such-voice' }, 404, 'voice'],
    [{ model: 'tts-1', input: TEXT, voice: 'alloy', response_format: 'aac' }, 400, 'response_format'],
    [{ model: 'tts-1', input: TEXT, voice: 'alloy', speed: 5 }, 400, 'speed'],
  ];
  for (const [body, status, param] of cases) {
    const e = await apiError(await createSpeech(body));
    assert.equal(e.status, status, JSON.stringify(e));
    assert.equal(e.param, param, JSON.stringify(e));
    assert.equal(e.type, 'invalid_request_error');
  }
  const malformed = await fetch(OPENAI_BASE + '/audio/speech', {
    method: 'POST', headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' }, body: '{"model":',
  });
  assert.equal((await apiError(malformed)).status, 400);
});
