// OpenAI-compatible POST /v1/audio/transcriptions. The openai npm package is not a dependency, so each request is
// built as the OpenAI SDK (openai-node v4/v5) sends it: base URL + '/v1' + '/audio/transcriptions', Authorization:
// Bearer, a multipart FormData body (file, model, response_format, timestamp_granularities[] ...); errors are parsed
// from {"error":{...}}. The server's default speech-to-text engine may be `none` (503 speech_to_text_unavailable):
// the tests that need a transcript skip themselves then.
import test from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, API_KEY, makeSpeechLikeWav } from '../lib/common.mjs';

const OPENAI_BASE = BASE_URL + '/v1';
const WAV = makeSpeechLikeWav({ seconds: 2, seed: 7 });

/** client.audio.transcriptions.create(fields) as the SDK sends it; returns the fetch Response. */
function createTranscription(fields, { apiKey = API_KEY, file = WAV } = {}) {
  const form = new FormData();
  if (file) form.append('file', new Blob([file], { type: 'audio/wav' }), 'speech.wav');
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const item of v) form.append(`${k}[]`, String(item));
    else if (v !== undefined) form.append(k, String(v));
  }
  return fetch(OPENAI_BASE + '/audio/transcriptions', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      Accept: 'application/json',
      'User-Agent': 'OpenAI/JS 4.104.0',
      'X-Stainless-Lang': 'js',
      'X-Stainless-Package-Version': '4.104.0',
      'X-Stainless-Retry-Count': '0',
    },
    body: form,
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

/** The response, or null after skipping the test when the server has no speech-to-text engine. */
async function transcribeOrSkip(t, fields) {
  const r = await createTranscription(fields);
  if (r.status === 503) {
    const e = await apiError(r);
    assert.equal(e.code, 'speech_to_text_unavailable', JSON.stringify(e));
    t.skip('no speech-to-text engine on this server (503 speech_to_text_unavailable)');
    return null;
  }
  assert.equal(r.status, 200, await r.clone().text());
  return r;
}

test('transcriptions.create with whisper-1 returns {text}', async (t) => {
  const r = await transcribeOrSkip(t, { model: 'whisper-1' });
  if (!r) return;
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const body = await r.json();
  assert.deepEqual(Object.keys(body), ['text']);
  assert.equal(typeof body.text, 'string');
});

test('response_format text, srt and vtt', async (t) => {
  const text = await transcribeOrSkip(t, { model: 'gpt-4o-transcribe', response_format: 'text', prompt: 'ignored' });
  if (!text) return;
  assert.match(text.headers.get('content-type'), /^text\/plain/);
  assert.ok((await text.text()).endsWith('\n'));

  const srt = await transcribeOrSkip(t, { model: 'whisper-1', response_format: 'srt' });
  const srtBody = await srt.text();
  if (srtBody.trim()) assert.match(srtBody, /^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/);

  const vtt = await transcribeOrSkip(t, { model: 'whisper-1', response_format: 'vtt' });
  assert.ok((await vtt.text()).startsWith('WEBVTT\n\n'));
});

test('verbose_json with word and segment timestamps', async (t) => {
  const r = await transcribeOrSkip(t, {
    model: 'gpt-4o-mini-transcribe', response_format: 'verbose_json', language: 'en', temperature: 0,
    timestamp_granularities: ['word', 'segment'],
  });
  if (!r) return;
  const body = await r.json();
  assert.equal(body.task, 'transcribe');
  assert.equal(body.language, 'english');
  assert.ok(Math.abs(body.duration - 2) < 0.01, `duration ${body.duration}`);
  assert.equal(typeof body.text, 'string');
  assert.ok(Array.isArray(body.words) && Array.isArray(body.segments));
  for (const w of body.words) {
    assert.equal(typeof w.word, 'string');
    assert.ok(w.end >= w.start, JSON.stringify(w));
  }
  body.segments.forEach((s, i) => {
    assert.equal(s.id, i);
    assert.equal(typeof s.text, 'string');
    assert.ok(s.end >= s.start);
  });
});

test('errors are OpenAI-shaped: no file, bad response_format, bad temperature, wrong key', async () => {
  let e = await apiError(await createTranscription({ model: 'whisper-1' }, { file: null }));
  assert.equal(e.status, 400);
  assert.equal(e.type, 'invalid_request_error');
  assert.equal(e.param, 'file');

  e = await apiError(await createTranscription({ model: 'whisper-1', response_format: 'docx' }));
  assert.equal(e.status, 400);
  assert.equal(e.param, 'response_format');

  e = await apiError(await createTranscription({ model: 'whisper-1', temperature: 3 }));
  assert.equal(e.status, 400);
  assert.equal(e.param, 'temperature');

  e = await apiError(await createTranscription({}));
  assert.equal(e.status, 400);
  assert.equal(e.param, 'model');

  e = await apiError(await createTranscription({ model: 'whisper-1' }, { apiKey: 'not-a-key' }));
  assert.equal(e.status, 401);
  assert.equal(e.code, 'invalid_api_key');
});

test('an unknown model is a 400 on param model', async (t) => {
  const r = await createTranscription({ model: 'whisper-9' });
  const e = await apiError(r);
  if (e.status === 503 && e.code === 'speech_to_text_unavailable') {
    t.skip('no speech-to-text engine on this server');
    return;
  }
  assert.equal(e.status, 400);
  assert.equal(e.param, 'model');
  assert.equal(e.code, 'model_not_found');
});
