// Speech to text and forced alignment through the official SDK, on audio Timbre itself speaks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { makeClient, apiError, anyVoiceIds } from '../lib/common.mjs';

const client = makeClient();
const SENTENCE = 'Please call me back when you have finished reading the report.';
let wav; // a 16 kHz WAV of SENTENCE, spoken by the first premade voice
// E2E_ENGINE=fake (see run.sh): the fake TTS engine makes tones, not words, so nothing can be recognised in them.
const FAKE_TTS = process.env.E2E_ENGINE === 'fake';

/** A WAV file around 16-bit mono PCM. */
function wavOf(pcm, rate) {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + pcm.length, 4); h.write('WAVE', 8); h.write('fmt ', 12);
  h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write('data', 36); h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}

function words(text) {
  return text.toLowerCase().replace(/[^a-z' ]/g, ' ').split(/\s+/).filter(Boolean);
}

test.before(async () => {
  const [voiceId] = await anyVoiceIds(1);
  const r = await client.textToSpeech.convertWithTimestamps(voiceId, { text: SENTENCE, outputFormat: 'pcm_16000' });
  wav = wavOf(Buffer.from(r.audioBase64, 'base64'), 16000);
});

async function sttOrSkip(t, request) {
  try {
    return await client.speechToText.convert(request);
  } catch (e) {
    if (e?.statusCode === 503) { t.skip('no speech-to-text engine on this server'); return null; }
    throw e;
  }
}

test('speechToText.convert transcribes what Timbre said, with word timings', async (t) => {
  if (FAKE_TTS) { t.skip('the fake TTS engine speaks no words'); return; }
  const r = await sttOrSkip(t, { file: new Blob([wav], { type: 'audio/wav' }), modelId: 'scribe_v1' });
  if (!r) return;
  const heard = words(r.text);
  const said = words(SENTENCE);
  const missing = said.filter((w) => !heard.includes(w)).length;
  assert.ok(missing / said.length <= 0.3, `heard "${r.text}" for "${SENTENCE}"`);
  const spoken = r.words.filter((w) => w.type === 'word');
  assert.ok(spoken.length > 0);
  for (let i = 1; i < spoken.length; i++) assert.ok(spoken[i].start >= spoken[i - 1].start, 'word starts are monotone');
  assert.equal(typeof r.languageCode, 'string');
});

test('speechToText.transcripts.get and delete a stored transcript', async (t) => {
  const r = await sttOrSkip(t, { file: new Blob([wav], { type: 'audio/wav' }), modelId: 'scribe_v1' });
  if (!r) return;
  assert.equal(typeof r.transcriptionId, 'string');
  const again = await client.speechToText.transcripts.get(r.transcriptionId);
  assert.equal(again.text, r.text);
  await client.speechToText.transcripts.delete(r.transcriptionId);
  await assert.rejects(client.speechToText.transcripts.get(r.transcriptionId), apiError(404));
});

test('speechToText.convert with additional formats returns the files', async (t) => {
  const r = await sttOrSkip(t, {
    file: new Blob([wav], { type: 'audio/wav' }), modelId: 'scribe_v1',
    additionalFormats: [{ format: 'srt' }, { format: 'txt' }],
  });
  if (!r) return;
  const formats = r.additionalFormats.map((f) => f.requestedFormat).sort();
  assert.deepEqual(formats, ['srt', 'txt']);
  if (FAKE_TTS) return; // no words recognised in the fake engine's tones, so an empty SRT
  const srt = r.additionalFormats.find((f) => f.requestedFormat === 'srt');
  assert.match(srt.content, /-->/);
});

test('forcedAlignment.create times every word of the given text', async (t) => {
  let r;
  try {
    r = await client.forcedAlignment.create({ file: new Blob([wav], { type: 'audio/wav' }), text: SENTENCE });
  } catch (e) {
    if (e?.statusCode === 503) { t.skip('no speech-to-text engine on this server'); return; }
    throw e;
  }
  assert.equal(r.words.length, SENTENCE.split(' ').length);
  assert.equal(r.characters.length, SENTENCE.length);
  for (let i = 1; i < r.words.length; i++) assert.ok(r.words[i].start >= r.words[i - 1].start);
  assert.equal(typeof r.loss, 'number');
});

test('speech to text rejects bad input with ElevenLabs errors', async () => {
  await assert.rejects(client.speechToText.convert({ modelId: 'scribe_v1' }), apiError(422));
  await assert.rejects(client.forcedAlignment.create({ file: new Blob([Buffer.from('not audio')]), text: 'x' }), (e) => e?.statusCode >= 400 && e?.statusCode < 500);
});
